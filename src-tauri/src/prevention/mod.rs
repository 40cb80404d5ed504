//! Prevention: plans that target the branch's most common complaints (by category or root
//! cause), their measures with owners and dates, the cases attached as evidence, the measured
//! effect, and emergency plans for crises with their drills.
//!
//! `model`, `history`, `effect`, `analysis` and `emergency` hold the types and rules (no SQL); `repo`
//! reads and writes them.

pub mod analysis;
pub mod demo;
pub mod effect;
pub mod emergency;
pub mod history;
pub mod model;
pub mod repo;

pub use analysis::Analysis;
pub use effect::{Effect, EffectState};
pub use model::{
    Conclusion, EvaluationInput, MeasureInput, MeasureKind, MeasureStatus, MeasureStatusInput,
    Phase, PlanInput, PlanStatus,
};
