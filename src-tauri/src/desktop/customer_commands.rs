//! Commands for customer records. One-liners over `customers`: changes are recorded in the
//! name of whoever is signed in; names and phones are masked for roles that may not see them.

use chrono::Utc;
use tauri::State;

use super::AppState;
use crate::access::{Actor, Permission};
use crate::customers::merge::{Merged, merge};
use crate::customers::model::{
    CustomerDetail, CustomerEdit, CustomerPage, CustomerQuery, CustomerSummary, KeyFlag,
};
use crate::customers::{mask, read, repo};
use crate::error::Result;

fn sees_personal_data(actor: &Actor) -> bool {
    actor.role.allows(Permission::SeePersonalData)
}

async fn page(state: &AppState, actor: &Actor, id: i64) -> Result<CustomerDetail> {
    let mut detail = read::detail(&state.pool()?, id, Utc::now()).await?;
    if !sees_personal_data(actor) {
        mask::detail(&mut detail);
    }
    Ok(detail)
}

#[tauri::command]
pub async fn list_customers(
    state: State<'_, AppState>,
    query: CustomerQuery,
) -> Result<CustomerPage> {
    let actor = state.authorize(Permission::ReadCases)?;
    let mut found = read::list(&state.pool()?, &query).await?;
    if !sees_personal_data(&actor) {
        mask::page(&mut found);
    }
    Ok(found)
}

#[tauri::command]
pub async fn get_customer(state: State<'_, AppState>, id: i64) -> Result<CustomerDetail> {
    let actor = state.authorize(Permission::ReadCases)?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn case_customer(
    state: State<'_, AppState>,
    case_id: i64,
) -> Result<Option<CustomerSummary>> {
    let actor = state.authorize(Permission::ReadCases)?;
    let mut found = read::of_case(&state.pool()?, case_id).await?;
    if let Some(customer) = found.as_mut().filter(|_| !sees_personal_data(&actor)) {
        mask::summary(customer);
    }
    Ok(found)
}

#[tauri::command]
pub async fn update_customer(
    state: State<'_, AppState>,
    id: i64,
    edit: CustomerEdit,
) -> Result<CustomerDetail> {
    let actor = state.authorize(Permission::HandleCases)?;
    repo::update(&state.pool()?, id, &edit, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn set_key_customer(
    state: State<'_, AppState>,
    id: i64,
    flag: KeyFlag,
) -> Result<CustomerDetail> {
    let actor = state.authorize(Permission::HandleAnyCase)?;
    repo::set_key_flag(&state.pool()?, id, &flag, actor.staff_id, Utc::now()).await?;
    page(&state, &actor, id).await
}

#[tauri::command]
pub async fn merge_customers(state: State<'_, AppState>, kept: i64, merged: i64) -> Result<Merged> {
    let actor = state.authorize(Permission::HandleAnyCase)?;
    merge(&state.pool()?, kept, merged, actor.staff_id, Utc::now()).await
}
