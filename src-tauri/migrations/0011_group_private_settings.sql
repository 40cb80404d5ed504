-- Sign-ins (0009) keep the recovery code's hash in app_settings. Like the sync's own 'group.'
-- settings it belongs to this branch's computer and never goes to head office: the outbox
-- triggers on app_settings skip it from now on, and anything already queued for it is dropped.

DROP TRIGGER group_outbox_app_settings_insert;
DROP TRIGGER group_outbox_app_settings_update;
DROP TRIGGER group_outbox_app_settings_delete;

CREATE TRIGGER group_outbox_app_settings_insert AFTER INSERT ON app_settings
    WHEN NEW.key NOT LIKE 'group.%' AND NEW.key <> 'recovery_code_hash'
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('app_settings', json_array(NEW.key), 'I');
END;
CREATE TRIGGER group_outbox_app_settings_update AFTER UPDATE ON app_settings
    WHEN NEW.key NOT LIKE 'group.%' AND NEW.key <> 'recovery_code_hash'
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) SELECT 'app_settings', json_array(OLD.key), 'D'
        WHERE json_array(OLD.key) <> json_array(NEW.key);
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('app_settings', json_array(NEW.key), 'U');
END;
CREATE TRIGGER group_outbox_app_settings_delete AFTER DELETE ON app_settings
    WHEN OLD.key NOT LIKE 'group.%' AND OLD.key <> 'recovery_code_hash'
BEGIN
    INSERT INTO group_outbox (tbl, row_key, op) VALUES ('app_settings', json_array(OLD.key), 'D');
END;

DELETE FROM group_outbox WHERE tbl = 'app_settings' AND row_key = json_array('recovery_code_hash');
