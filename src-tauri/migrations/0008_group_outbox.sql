-- Group mode: an outbox of the branch's changes for head office's PostgreSQL.
-- Triggers on every branch-owned table write (table, key, operation) into group_outbox in the
-- same transaction as the change itself, so no repository code can forget it and a change is
-- never recorded without its outbox row (or the reverse). The key is a JSON array of the
-- table's primary-key columns. The sender reads the row's current state when it sends, so a
-- row changed many times between syncs goes once, in its final state. Derived tables
-- (case_tallies, the search index) are rebuilt from these and are not sent. Settings under
-- 'group.' (the server address, the last sync) are the sync's own and are not sent either.

CREATE TABLE group_outbox (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused, so the order holds
    tbl      TEXT NOT NULL,
    row_key  TEXT NOT NULL,
    op       TEXT NOT NULL CHECK (op IN ('I', 'U', 'D'))
);

CREATE TRIGGER group_outbox_branch_insert AFTER INSERT ON branch
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('branch', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_branch_update AFTER UPDATE ON branch
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'branch', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('branch', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_branch_delete AFTER DELETE ON branch
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('branch', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_app_settings_insert AFTER INSERT ON app_settings WHEN NEW.key NOT LIKE 'group.%'
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('app_settings', json_array(NEW.key), 'I');
END;
CREATE TRIGGER group_outbox_app_settings_update AFTER UPDATE ON app_settings WHEN NEW.key NOT LIKE 'group.%'
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'app_settings', json_array(OLD.key), 'D'
        WHERE json_array(OLD.key) <> json_array(NEW.key);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('app_settings', json_array(NEW.key), 'U');
END;
CREATE TRIGGER group_outbox_app_settings_delete AFTER DELETE ON app_settings WHEN OLD.key NOT LIKE 'group.%'
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('app_settings', json_array(OLD.key), 'D');
END;

CREATE TRIGGER group_outbox_categories_insert AFTER INSERT ON categories
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('categories', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_categories_update AFTER UPDATE ON categories
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'categories', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('categories', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_categories_delete AFTER DELETE ON categories
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('categories', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_grade_time_limits_insert AFTER INSERT ON grade_time_limits
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('grade_time_limits', json_array(NEW.grade), 'I');
END;
CREATE TRIGGER group_outbox_grade_time_limits_update AFTER UPDATE ON grade_time_limits
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'grade_time_limits', json_array(OLD.grade), 'D'
        WHERE json_array(OLD.grade) <> json_array(NEW.grade);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('grade_time_limits', json_array(NEW.grade), 'U');
END;
CREATE TRIGGER group_outbox_grade_time_limits_delete AFTER DELETE ON grade_time_limits
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('grade_time_limits', json_array(OLD.grade), 'D');
END;

CREATE TRIGGER group_outbox_staff_insert AFTER INSERT ON staff
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('staff', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_staff_update AFTER UPDATE ON staff
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'staff', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('staff', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_staff_delete AFTER DELETE ON staff
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('staff', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_case_sequences_insert AFTER INSERT ON case_sequences
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_sequences', json_array(NEW.month_key), 'I');
END;
CREATE TRIGGER group_outbox_case_sequences_update AFTER UPDATE ON case_sequences
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_sequences', json_array(OLD.month_key), 'D'
        WHERE json_array(OLD.month_key) <> json_array(NEW.month_key);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_sequences', json_array(NEW.month_key), 'U');
END;
CREATE TRIGGER group_outbox_case_sequences_delete AFTER DELETE ON case_sequences
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_sequences', json_array(OLD.month_key), 'D');
END;

CREATE TRIGGER group_outbox_cases_insert AFTER INSERT ON cases
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('cases', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_cases_update AFTER UPDATE ON cases
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'cases', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('cases', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_cases_delete AFTER DELETE ON cases
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('cases', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_case_events_insert AFTER INSERT ON case_events
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_events', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_case_events_update AFTER UPDATE ON case_events
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_events', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_events', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_case_events_delete AFTER DELETE ON case_events
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_events', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_case_audit_insert AFTER INSERT ON case_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_audit', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_case_audit_update AFTER UPDATE ON case_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_audit', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_audit', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_case_audit_delete AFTER DELETE ON case_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_audit', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_case_pauses_insert AFTER INSERT ON case_pauses
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_pauses', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_case_pauses_update AFTER UPDATE ON case_pauses
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_pauses', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_pauses', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_case_pauses_delete AFTER DELETE ON case_pauses
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_pauses', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_case_attachments_insert AFTER INSERT ON case_attachments
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_attachments', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_case_attachments_update AFTER UPDATE ON case_attachments
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_attachments', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_attachments', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_case_attachments_delete AFTER DELETE ON case_attachments
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_attachments', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_case_escalation_ticks_insert AFTER INSERT ON case_escalation_ticks
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_escalation_ticks', json_array(NEW.case_id, NEW.item), 'I');
END;
CREATE TRIGGER group_outbox_case_escalation_ticks_update AFTER UPDATE ON case_escalation_ticks
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_escalation_ticks', json_array(OLD.case_id, OLD.item), 'D'
        WHERE json_array(OLD.case_id, OLD.item) <> json_array(NEW.case_id, NEW.item);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_escalation_ticks', json_array(NEW.case_id, NEW.item), 'U');
END;
CREATE TRIGGER group_outbox_case_escalation_ticks_delete AFTER DELETE ON case_escalation_ticks
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('case_escalation_ticks', json_array(OLD.case_id, OLD.item), 'D');
END;

CREATE TRIGGER group_outbox_training_modules_insert AFTER INSERT ON training_modules
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_modules', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_training_modules_update AFTER UPDATE ON training_modules
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_modules', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_modules', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_training_modules_delete AFTER DELETE ON training_modules
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_modules', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_training_module_versions_insert AFTER INSERT ON training_module_versions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_module_versions', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_training_module_versions_update AFTER UPDATE ON training_module_versions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_module_versions', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_module_versions', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_training_module_versions_delete AFTER DELETE ON training_module_versions
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_module_versions', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_training_items_insert AFTER INSERT ON training_items
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_items', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_training_items_update AFTER UPDATE ON training_items
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_items', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_items', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_training_items_delete AFTER DELETE ON training_items
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_items', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_training_assignments_insert AFTER INSERT ON training_assignments
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_assignments', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_training_assignments_update AFTER UPDATE ON training_assignments
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_assignments', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_assignments', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_training_assignments_delete AFTER DELETE ON training_assignments
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_assignments', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_training_signoffs_insert AFTER INSERT ON training_signoffs
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_signoffs', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_training_signoffs_update AFTER UPDATE ON training_signoffs
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_signoffs', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_signoffs', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_training_signoffs_delete AFTER DELETE ON training_signoffs
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('training_signoffs', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_drill_scenarios_insert AFTER INSERT ON drill_scenarios
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_scenarios', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_drill_scenarios_update AFTER UPDATE ON drill_scenarios
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drill_scenarios', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_scenarios', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_drill_scenarios_delete AFTER DELETE ON drill_scenarios
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_scenarios', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_drills_insert AFTER INSERT ON drills
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drills', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_drills_update AFTER UPDATE ON drills
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drills', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drills', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_drills_delete AFTER DELETE ON drills
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drills', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_drill_trainees_insert AFTER INSERT ON drill_trainees
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_trainees', json_array(NEW.drill_id, NEW.staff_id), 'I');
END;
CREATE TRIGGER group_outbox_drill_trainees_update AFTER UPDATE ON drill_trainees
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drill_trainees', json_array(OLD.drill_id, OLD.staff_id), 'D'
        WHERE json_array(OLD.drill_id, OLD.staff_id) <> json_array(NEW.drill_id, NEW.staff_id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_trainees', json_array(NEW.drill_id, NEW.staff_id), 'U');
END;
CREATE TRIGGER group_outbox_drill_trainees_delete AFTER DELETE ON drill_trainees
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_trainees', json_array(OLD.drill_id, OLD.staff_id), 'D');
END;

CREATE TRIGGER group_outbox_drill_scores_insert AFTER INSERT ON drill_scores
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_scores', json_array(NEW.drill_id, NEW.step), 'I');
END;
CREATE TRIGGER group_outbox_drill_scores_update AFTER UPDATE ON drill_scores
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drill_scores', json_array(OLD.drill_id, OLD.step), 'D'
        WHERE json_array(OLD.drill_id, OLD.step) <> json_array(NEW.drill_id, NEW.step);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_scores', json_array(NEW.drill_id, NEW.step), 'U');
END;
CREATE TRIGGER group_outbox_drill_scores_delete AFTER DELETE ON drill_scores
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('drill_scores', json_array(OLD.drill_id, OLD.step), 'D');
END;

CREATE TRIGGER group_outbox_prevention_plans_insert AFTER INSERT ON prevention_plans
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_plans', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_prevention_plans_update AFTER UPDATE ON prevention_plans
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_plans', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_plans', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_prevention_plans_delete AFTER DELETE ON prevention_plans
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_plans', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_prevention_measures_insert AFTER INSERT ON prevention_measures
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_measures', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_prevention_measures_update AFTER UPDATE ON prevention_measures
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_measures', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_measures', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_prevention_measures_delete AFTER DELETE ON prevention_measures
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_measures', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_prevention_plan_cases_insert AFTER INSERT ON prevention_plan_cases
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_plan_cases', json_array(NEW.plan_id, NEW.case_id), 'I');
END;
CREATE TRIGGER group_outbox_prevention_plan_cases_update AFTER UPDATE ON prevention_plan_cases
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_plan_cases', json_array(OLD.plan_id, OLD.case_id), 'D'
        WHERE json_array(OLD.plan_id, OLD.case_id) <> json_array(NEW.plan_id, NEW.case_id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_plan_cases', json_array(NEW.plan_id, NEW.case_id), 'U');
END;
CREATE TRIGGER group_outbox_prevention_plan_cases_delete AFTER DELETE ON prevention_plan_cases
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_plan_cases', json_array(OLD.plan_id, OLD.case_id), 'D');
END;

CREATE TRIGGER group_outbox_prevention_audit_insert AFTER INSERT ON prevention_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_audit', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_prevention_audit_update AFTER UPDATE ON prevention_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_audit', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_audit', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_prevention_audit_delete AFTER DELETE ON prevention_audit
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('prevention_audit', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_emergency_plans_insert AFTER INSERT ON emergency_plans
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('emergency_plans', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_emergency_plans_update AFTER UPDATE ON emergency_plans
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'emergency_plans', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('emergency_plans', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_emergency_plans_delete AFTER DELETE ON emergency_plans
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('emergency_plans', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_emergency_drills_insert AFTER INSERT ON emergency_drills
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('emergency_drills', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_emergency_drills_update AFTER UPDATE ON emergency_drills
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'emergency_drills', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('emergency_drills', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_emergency_drills_delete AFTER DELETE ON emergency_drills
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('emergency_drills', json_array(OLD.id), 'D');
END;

CREATE TRIGGER group_outbox_staff_activity_insert AFTER INSERT ON staff_activity
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('staff_activity', json_array(NEW.id), 'I');
END;
CREATE TRIGGER group_outbox_staff_activity_update AFTER UPDATE ON staff_activity
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'staff_activity', json_array(OLD.id), 'D'
        WHERE json_array(OLD.id) <> json_array(NEW.id);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('staff_activity', json_array(NEW.id), 'U');
END;
CREATE TRIGGER group_outbox_staff_activity_delete AFTER DELETE ON staff_activity
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('staff_activity', json_array(OLD.id), 'D');
END;

-- Rows made before this version are queued, so the first sync sends everything.
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'branch', json_array(id), 'I' FROM branch;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'app_settings', json_array(key), 'I' FROM app_settings WHERE key NOT LIKE 'group.%';
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'categories', json_array(id), 'I' FROM categories;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'grade_time_limits', json_array(grade), 'I' FROM grade_time_limits;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'staff', json_array(id), 'I' FROM staff;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_sequences', json_array(month_key), 'I' FROM case_sequences;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'cases', json_array(id), 'I' FROM cases;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_events', json_array(id), 'I' FROM case_events;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_audit', json_array(id), 'I' FROM case_audit;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_pauses', json_array(id), 'I' FROM case_pauses;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_attachments', json_array(id), 'I' FROM case_attachments;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'case_escalation_ticks', json_array(case_id, item), 'I' FROM case_escalation_ticks;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_modules', json_array(id), 'I' FROM training_modules;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_module_versions', json_array(id), 'I' FROM training_module_versions;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_items', json_array(id), 'I' FROM training_items;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_assignments', json_array(id), 'I' FROM training_assignments;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'training_signoffs', json_array(id), 'I' FROM training_signoffs;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drill_scenarios', json_array(id), 'I' FROM drill_scenarios;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drills', json_array(id), 'I' FROM drills;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drill_trainees', json_array(drill_id, staff_id), 'I' FROM drill_trainees;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'drill_scores', json_array(drill_id, step), 'I' FROM drill_scores;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_plans', json_array(id), 'I' FROM prevention_plans;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_measures', json_array(id), 'I' FROM prevention_measures;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_plan_cases', json_array(plan_id, case_id), 'I' FROM prevention_plan_cases;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'prevention_audit', json_array(id), 'I' FROM prevention_audit;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'emergency_plans', json_array(id), 'I' FROM emergency_plans;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'emergency_drills', json_array(id), 'I' FROM emergency_drills;
INSERT INTO group_outbox (tbl, row_key, op) SELECT 'staff_activity', json_array(id), 'I' FROM staff_activity;
