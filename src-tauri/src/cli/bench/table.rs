//! The bench's figures: median and 95th percentile of repeated runs, budgets, and the table.

use std::time::Duration;

/// What a figure must stay within.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// Reported only.
    None,
    /// A time the slow runs (p95) must stay under.
    Under(Duration),
}

/// One line of the table.
#[derive(Debug, Clone)]
pub struct Line {
    /// What was measured.
    pub label: String,
    /// The typical value, formatted.
    pub median: String,
    /// The slow end, formatted.
    pub p95: String,
    /// The budget, formatted ("—" when none).
    pub budget: String,
    /// `PASS`, `OVER` or blank.
    pub verdict: &'static str,
}

/// Sorted samples of one measurement.
#[derive(Debug, Clone)]
pub struct Samples(Vec<Duration>);

impl Samples {
    /// The samples, sorted.
    pub fn new(mut samples: Vec<Duration>) -> Self {
        samples.sort_unstable();
        Samples(samples)
    }

    /// The middle sample (the upper one of an even count).
    pub fn median(&self) -> Duration {
        self.0.get(self.0.len() / 2).copied().unwrap_or_default()
    }

    /// The 95th percentile by nearest rank.
    pub fn p95(&self) -> Duration {
        let rank = (self.0.len() * 95).div_ceil(100).max(1);
        self.0.get(rank - 1).copied().unwrap_or_default()
    }
}

fn millis(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

/// A round budget as people say it: `30 ms`, `1.5 s`.
fn limit(d: Duration) -> String {
    if d >= Duration::from_secs(1) {
        format!("{} s", d.as_secs_f64())
    } else {
        format!("{} ms", d.as_millis())
    }
}

/// A rate with thousands separators.
pub fn per_second(rate: f64) -> String {
    let whole = rate.round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}/s")
}

impl Line {
    /// A timed operation against a time budget.
    pub fn timed(label: impl Into<String>, samples: &Samples, budget: Budget) -> Line {
        let (budget_text, verdict) = match budget {
            Budget::Under(budget_time) => (
                format!("< {}", limit(budget_time)),
                if samples.p95() < budget_time {
                    "PASS"
                } else {
                    "OVER"
                },
            ),
            _ => ("—".to_owned(), ""),
        };
        Line {
            label: label.into(),
            median: millis(samples.median()),
            p95: millis(samples.p95()),
            budget: budget_text,
            verdict,
        }
    }

    /// A throughput from the time per item of each batch, reported as a figure (no budget).
    pub fn rate(label: impl Into<String>, per_item: &Samples) -> Line {
        let rate = |d: Duration| 1.0 / d.as_secs_f64().max(1e-12);
        // The slow end of a rate is the slow batch: p95 of the time per item.
        let (median, slow) = (rate(per_item.median()), rate(per_item.p95()));
        Line {
            label: label.into(),
            median: per_second(median),
            p95: per_second(slow),
            budget: "—".to_owned(),
            verdict: "",
        }
    }

    /// A single figure judged against a limit (peak memory).
    pub fn within(label: impl Into<String>, value: String, limit: &str, ok: bool) -> Line {
        Line {
            label: label.into(),
            median: value,
            p95: String::new(),
            budget: limit.to_owned(),
            verdict: if ok { "PASS" } else { "OVER" },
        }
    }

    /// A single figure without repetition (a file size).
    pub fn figure(label: impl Into<String>, value: String) -> Line {
        Line {
            label: label.into(),
            median: value,
            p95: String::new(),
            budget: "—".to_owned(),
            verdict: "",
        }
    }
}

/// Display width: CJK characters take two columns in a terminal.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if c >= '\u{1100}' && !matches!(c, '—' | '≥') {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(text: &str, to: usize) -> String {
    format!("{text}{}", " ".repeat(to.saturating_sub(width(text))))
}

/// The table, aligned, with a header line.
pub fn render(lines: &[Line]) -> String {
    let label_width = lines
        .iter()
        .map(|l| width(&l.label))
        .max()
        .unwrap_or(0)
        .max(7);
    let mut out = format!(
        "{}  {:>12}  {:>12}  {:>12}  result\n",
        pad("measure", label_width),
        "median",
        "p95",
        "budget"
    );
    for line in lines {
        out.push_str(&format!(
            "{}  {:>12}  {:>12}  {:>12}  {}\n",
            pad(&line.label, label_width),
            line.median,
            line.p95,
            line.budget,
            line.verdict
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn median_and_p95_use_nearest_ranks() {
        let samples = Samples::new((1..=20).rev().map(ms).collect());
        assert_eq!(samples.median(), ms(11));
        assert_eq!(samples.p95(), ms(19));
        assert_eq!(Samples::new(vec![ms(4)]).p95(), ms(4));
        assert_eq!(Samples::new(Vec::new()).median(), Duration::ZERO);
    }

    #[test]
    fn verdicts_judge_the_slow_end() {
        let fast = Samples::new(vec![ms(5); 10]);
        let line = Line::timed("list", &fast, Budget::Under(ms(30)));
        assert_eq!((line.verdict, line.budget.as_str()), ("PASS", "< 30 ms"));
        assert_eq!(limit(ms(1500)), "1.5 s");
        let mut slow = vec![ms(5); 9];
        slow.push(ms(40));
        let line = Line::timed("list", &Samples::new(slow), Budget::Under(ms(30)));
        assert_eq!(line.verdict, "OVER");
        let per_case = Samples::new(vec![Duration::from_micros(20); 4]);
        let line = Line::rate("insert", &per_case);
        assert_eq!((line.median.as_str(), line.verdict), ("50,000/s", ""));
        let per_case = Samples::new(vec![Duration::from_micros(60); 4]);
        let line = Line::rate("insert", &per_case);
        assert_eq!((line.p95.as_str(), line.budget.as_str()), ("16,667/s", "—"));
        assert_eq!(Line::timed("x", &fast, Budget::None).verdict, "");
    }

    #[test]
    fn the_table_aligns_chinese_labels() {
        let fast = Samples::new(vec![ms(5)]);
        let table = render(&[
            Line::timed("search \"漏水\"", &fast, Budget::None),
            Line::timed("search \"leak\"", &fast, Budget::None),
        ]);
        let rows: Vec<&str> = table.lines().collect();
        assert_eq!(width(rows[1]), width(rows[2]));
        assert!(rows[0].starts_with("measure"));
    }
}
