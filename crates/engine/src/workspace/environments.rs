//! Environments and which one is active.

use rusqlite::params;

use crate::model::{VariableChange, Variables};

fn text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

use super::collections::{checked_name, json_column};
use super::{Environment, EnvironmentVariable, Workspace, WorkspaceError, new_id, now};

const ACTIVE_ENVIRONMENT: &str = "active_environment";

impl Workspace {
    pub fn environments(&self) -> Result<Vec<Environment>, WorkspaceError> {
        let conn = self.conn()?;
        let mut statement = conn.prepare(
            "SELECT id, name, variables FROM workspace_environments ORDER BY position, id",
        )?;
        let found = statement
            .query_map([], |r| {
                Ok(Environment {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    variables: json_column(r, 2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(found)
    }

    pub fn environment(&self, id: &str) -> Result<Environment, WorkspaceError> {
        self.environments()?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| WorkspaceError::NotFound(format!("no environment {id}")))
    }

    /// Creates (empty `id`) or replaces an environment; returns it as stored.
    pub fn save_environment(
        &self,
        environment: &Environment,
    ) -> Result<Environment, WorkspaceError> {
        let name = checked_name(&environment.name)?;
        check_variables(&environment.variables)?;
        let variables = serde_json::to_string(&environment.variables)?;
        let conn = self.conn()?;
        let id = if environment.id.is_empty() {
            let id = new_id();
            conn.execute(
                "INSERT INTO workspace_environments (id, position, name, variables, updated_at)
                 VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM workspace_environments),
                         ?2, ?3, ?4)",
                params![id, name, variables, now()],
            )?;
            id
        } else {
            let changed = conn.execute(
                "UPDATE workspace_environments SET name = ?2, variables = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![environment.id, name, variables, now()],
            )?;
            if changed == 0 {
                return Err(WorkspaceError::NotFound(format!(
                    "no environment {}",
                    environment.id
                )));
            }
            environment.id.clone()
        };
        drop(conn);
        self.environment(&id)
    }

    pub fn delete_environment(&self, id: &str) -> Result<(), WorkspaceError> {
        let conn = self.conn()?;
        conn.execute("DELETE FROM workspace_environments WHERE id = ?1", [id])?;
        conn.execute(
            "DELETE FROM workspace_settings WHERE key = ?1 AND value = ?2",
            params![ACTIVE_ENVIRONMENT, serde_json::to_string(id)?],
        )?;
        Ok(())
    }

    /// The active environment, if one is chosen and still exists.
    pub fn active_environment(&self) -> Result<Option<Environment>, WorkspaceError> {
        let chosen = self.setting(ACTIVE_ENVIRONMENT)?;
        match chosen.as_ref().and_then(|v| v.as_str()) {
            Some(id) => Ok(self.environments()?.into_iter().find(|e| e.id == id)),
            None => Ok(None),
        }
    }

    /// Chooses the environment Send and new batches use; `None` for no environment.
    pub fn set_active_environment(&self, id: Option<&str>) -> Result<(), WorkspaceError> {
        if let Some(id) = id {
            self.environment(id)?;
        }
        let value = id.map(|id| serde_json::Value::String(id.to_owned()));
        self.set_setting(ACTIVE_ENVIRONMENT, value.as_ref())
    }
}

impl Environment {
    /// The environment after a script's `pm.environment.set` and `unset` calls (in their
    /// order): a value set replaces the variable's (keeping its secret flag) or adds one
    /// at the end; `unset` removes it. Values are stored as text, as Postman's are.
    pub fn with_changes(&self, changes: &[VariableChange]) -> Environment {
        let mut variables = self.variables.clone();
        for change in changes {
            let at = variables.iter().position(|v| v.name == change.name);
            match (&change.value, at) {
                (Some(value), Some(i)) => {
                    variables[i].value = text(value);
                    variables[i].enabled = true;
                }
                (Some(value), None) => variables.push(EnvironmentVariable {
                    name: change.name.clone(),
                    value: text(value),
                    secret: false,
                    enabled: true,
                }),
                (None, Some(i)) => {
                    variables.remove(i);
                }
                (None, None) => {}
            }
        }
        Environment {
            variables,
            ..self.clone()
        }
    }

    /// The enabled variables, in order.
    pub fn values(&self) -> Variables {
        self.variables
            .iter()
            .filter(|v| v.enabled)
            .map(|v| (v.name.clone(), v.value.clone()))
            .collect()
    }

    /// The values to mask everywhere.
    pub fn secret_values(&self) -> Vec<String> {
        self.variables
            .iter()
            .filter(|v| v.enabled && v.secret && !v.value.is_empty())
            .map(|v| v.value.clone())
            .collect()
    }
}

fn check_variables(variables: &[EnvironmentVariable]) -> Result<(), WorkspaceError> {
    let mut seen = std::collections::HashSet::new();
    for (index, variable) in variables.iter().enumerate() {
        let name = variable.name.trim();
        if name.is_empty() {
            return Err(WorkspaceError::Invalid(format!(
                "variable #{} has no name",
                index + 1
            )));
        }
        if variable.enabled && !seen.insert(name) {
            return Err(WorkspaceError::Invalid(format!(
                "variable {name:?} is defined twice"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn variable(name: &str, value: &str, secret: bool) -> EnvironmentVariable {
        EnvironmentVariable {
            name: name.into(),
            value: value.into(),
            secret,
            enabled: true,
        }
    }

    #[test]
    fn script_changes_set_add_and_remove_variables_in_order() {
        let before = Environment {
            id: "e".into(),
            name: "dev".into(),
            variables: vec![variable("token", "old", true), variable("gone", "x", false)],
        };
        let change = |name: &str, value: Option<serde_json::Value>| VariableChange {
            scope: "environment".into(),
            name: name.into(),
            value,
        };
        let after = before.with_changes(&[
            change("token", Some(json!("new"))),
            change("count", Some(json!(3))),
            change("gone", None),
            change("never", None),
            change("count", Some(json!(4))),
        ]);
        assert_eq!(
            after.variables,
            [
                variable("token", "new", true),
                variable("count", "4", false)
            ]
        );
        assert_eq!((after.id.as_str(), after.name.as_str()), ("e", "dev"));
    }
}
