use super::*;

const BOTH: [Language; 2] = [Language::En, Language::ZhCn];
const OSES: [Os; 3] = [Os::Mac, Os::Windows, Os::Linux];

fn ids(bar: &[Submenu]) -> Vec<&'static str> {
    bar.iter().map(|submenu| submenu.id).collect()
}

fn actions_in(submenu: &Submenu) -> Vec<Action> {
    submenu
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Action(action) => Some(*action),
            _ => None,
        })
        .collect()
}

fn submenu<'a>(bar: &'a [Submenu], id: &str) -> &'a Submenu {
    bar.iter().find(|s| s.id == id).expect(id)
}

/// The value of `'key': 'text'` in one of the UI's dictionary files.
fn ui_text(dictionary: &str, key: &str) -> String {
    let start = format!("'{key}': '");
    let at = dictionary
        .find(&start)
        .unwrap_or_else(|| panic!("{key} missing"))
        + start.len();
    let rest = &dictionary[at..];
    rest[..rest.find('\'').expect("closing quote")].to_owned()
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_id_maps_back_to_its_action_and_ids_are_unique() {
    let mut seen = std::collections::HashSet::new();
    for action in ACTIONS {
        assert_eq!(Action::from_id(action.id()), Some(action));
        assert!(seen.insert(action.id()), "{} twice", action.id());
    }
    assert_eq!(Action::from_id("edit.paste"), None);
    assert_eq!(Action::from_id(""), None);
}

#[test]
fn the_bar_follows_each_platforms_convention() {
    let mac = menu(Language::En, Os::Mac);
    assert_eq!(ids(&mac), ["app", "file", "edit", "view", "help"]);
    let app = submenu(&mac, "app");
    assert_eq!(actions_in(app), [Action::About, Action::Quit]);
    for native in [Native::Hide, Native::HideOthers, Native::ShowAll] {
        assert!(app.items.contains(&Item::Native(native)));
    }
    assert_eq!(
        actions_in(submenu(&mac, "file")),
        [Action::NewCase, Action::ExportMonth]
    );

    for os in [Os::Windows, Os::Linux] {
        let other = menu(Language::En, os);
        assert_eq!(ids(&other), ["file", "edit", "view", "help"]);
        assert_eq!(
            actions_in(submenu(&other, "file")),
            [Action::NewCase, Action::ExportMonth, Action::Quit]
        );
        assert_eq!(
            actions_in(submenu(&other, "help")),
            [Action::UserGuide, Action::OpenLogFolder, Action::About]
        );
    }
}

#[test]
fn each_action_appears_exactly_once_on_every_platform() {
    for os in OSES {
        let bar = menu(Language::ZhCn, os);
        let all: Vec<Action> = bar.iter().flat_map(actions_in).collect();
        for action in ACTIONS {
            let count = all.iter().filter(|a| **a == action).count();
            assert_eq!(count, 1, "{} on {os:?}", action.id());
        }
    }
}

#[test]
fn edit_has_the_system_text_commands_each_platform_can_carry_out() {
    let natives = |os| -> Vec<Native> {
        submenu(&menu(Language::En, os), "edit")
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Native(native) => Some(*native),
                _ => None,
            })
            .collect()
    };
    let clipboard = [Native::Cut, Native::Copy, Native::Paste, Native::SelectAll];
    let with_undo = [&[Native::Undo, Native::Redo][..], &clipboard[..]].concat();
    // macOS text fields need every one of them in the menu to work at all.
    assert_eq!(natives(Os::Mac), with_undo);
    assert_eq!(natives(Os::Windows), with_undo);
    // GTK greys out Undo and Redo: the fields' own shortcuts do them.
    assert_eq!(natives(Os::Linux), clipboard);
}

#[test]
fn view_lists_the_pages_in_the_navigations_order() {
    let view = submenu(&menu(Language::En, Os::Linux), "view").clone();
    let pages: Vec<&str> = actions_in(&view).iter().map(|a| a.id()).collect();
    assert_eq!(
        pages,
        [
            "view.dashboard",
            "view.cases",
            "view.training",
            "view.prevention",
            "view.reports",
            "view.staff",
            "view.settings"
        ]
    );
}

#[test]
fn labels_are_in_the_chosen_language() {
    let en = menu(Language::En, Os::Windows);
    let zh = menu(Language::ZhCn, Os::Windows);
    assert_eq!(
        en.iter().map(|s| s.label).collect::<Vec<_>>(),
        ["File", "Edit", "View", "Help"]
    );
    assert_eq!(
        zh.iter().map(|s| s.label).collect::<Vec<_>>(),
        ["文件", "编辑", "查看", "帮助"]
    );
    for action in ACTIONS {
        let (english, chinese) = (action.label(Language::En), action.label(Language::ZhCn));
        assert!(!english.is_empty() && !has_cjk(english), "{english}");
        assert!(has_cjk(chinese), "{chinese} has no Chinese");
    }
    assert_eq!(Native::Paste.label(Language::ZhCn), "粘贴");
    assert_eq!(Native::SelectAll.label(Language::En), "Select All");
}

#[test]
fn page_labels_match_the_navigation_in_both_dictionaries() {
    let en = include_str!("../../../ui/js/i18n/en.js");
    let zh = include_str!("../../../ui/js/i18n/zh-CN.js");
    for action in ACTIONS {
        if let Action::Page(_) = action {
            let key = action.id().replace("view.", "nav.");
            assert_eq!(action.label(Language::En), ui_text(en, &key));
            assert_eq!(action.label(Language::ZhCn), ui_text(zh, &key));
        }
    }
}

#[test]
fn the_window_handles_navigation_and_the_backend_files_and_quitting() {
    for action in ACTIONS {
        let expected = match action {
            Action::Quit | Action::OpenLogFolder | Action::UserGuide => Handler::Backend,
            _ => Handler::Ui,
        };
        assert_eq!(action.handler(), expected, "{}", action.id());
    }
    assert_eq!(Action::NewCase.accelerator(), Some("CmdOrCtrl+N"));
    assert_eq!(Action::Quit.accelerator(), Some("CmdOrCtrl+Q"));
    for lang in BOTH {
        assert!(Action::Quit.label(lang).contains("BranchDesk"));
    }
}
