//! The native menu as plain data: which submenus, which items, their ids, labels in both
//! languages and shortcuts. `menu.rs` turns it into Tauri's menu; keeping the description apart
//! lets the tests check it without a window.

use crate::settings::Language;

/// Which platform's menu conventions apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    /// macOS: the first submenu is the app menu (About, Services, Hide, Quit).
    Mac,
    /// Windows: the menu bar sits in the window; Quit is under File.
    Windows,
    /// Linux: as Windows, but GTK cannot carry out Undo and Redo from a menu (they would only
    /// show greyed out), so Edit leaves them to the text fields' own Ctrl+Z and Ctrl+Y.
    Linux,
}

impl Os {
    /// The platform this build runs on.
    pub fn current() -> Os {
        if cfg!(target_os = "macos") {
            Os::Mac
        } else if cfg!(target_os = "windows") {
            Os::Windows
        } else {
            Os::Linux
        }
    }
}

/// One of the app's pages, as the View menu lists them (the order of the navigation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// This month at a glance.
    Dashboard,
    /// The complaint list.
    Cases,
    /// Staff training.
    Training,
    /// Prevention plans.
    Prevention,
    /// The monthly report.
    Reports,
    /// The staff directory.
    Staff,
    /// Settings.
    Settings,
}

/// What a menu item of ours does. Edit and app-menu items are the system's own ([`Native`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// File › New complaint: the intake form.
    NewCase,
    /// File › Export month…: the Reports page's export card.
    ExportMonth,
    /// Quit, through the window's close request, so unsaved work is asked about first.
    Quit,
    /// View › a page.
    Page(Page),
    /// About BranchDesk: Settings › About.
    About,
    /// Help › Open log folder.
    OpenLogFolder,
    /// Help › User guide.
    UserGuide,
}

/// Who carries an action out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    /// The window: the backend sends the action's id and the UI navigates.
    Ui,
    /// The backend itself (files and folders the webview may not open, and quitting).
    Backend,
}

/// Every action, for lookups by id.
pub const ACTIONS: [Action; 13] = [
    Action::NewCase,
    Action::ExportMonth,
    Action::Quit,
    Action::Page(Page::Dashboard),
    Action::Page(Page::Cases),
    Action::Page(Page::Training),
    Action::Page(Page::Prevention),
    Action::Page(Page::Reports),
    Action::Page(Page::Staff),
    Action::Page(Page::Settings),
    Action::About,
    Action::OpenLogFolder,
    Action::UserGuide,
];

impl Action {
    /// The menu item's id, also the payload the UI receives (`ui/js/lib/menu-actions.js`).
    pub fn id(self) -> &'static str {
        match self {
            Action::NewCase => "file.new-case",
            Action::ExportMonth => "file.export-month",
            Action::Quit => "file.quit",
            Action::Page(Page::Dashboard) => "view.dashboard",
            Action::Page(Page::Cases) => "view.cases",
            Action::Page(Page::Training) => "view.training",
            Action::Page(Page::Prevention) => "view.prevention",
            Action::Page(Page::Reports) => "view.reports",
            Action::Page(Page::Staff) => "view.staff",
            Action::Page(Page::Settings) => "view.settings",
            Action::About => "help.about",
            Action::OpenLogFolder => "help.log-folder",
            Action::UserGuide => "help.guide",
        }
    }

    /// The action with this id; `None` for the system's own items.
    pub fn from_id(id: &str) -> Option<Action> {
        ACTIONS.into_iter().find(|action| action.id() == id)
    }

    /// Who carries it out.
    pub fn handler(self) -> Handler {
        match self {
            Action::Quit | Action::OpenLogFolder | Action::UserGuide => Handler::Backend,
            _ => Handler::Ui,
        }
    }

    /// The keyboard shortcut, in Tauri's notation (`CmdOrCtrl` is ⌘ on a Mac). New complaint
    /// matches the window's own Ctrl/Cmd+N.
    pub fn accelerator(self) -> Option<&'static str> {
        match self {
            Action::NewCase => Some("CmdOrCtrl+N"),
            Action::Quit => Some("CmdOrCtrl+Q"),
            _ => None,
        }
    }

    /// The label in `lang`. Page names are the navigation's (checked against the UI's
    /// dictionaries in the tests).
    pub fn label(self, lang: Language) -> &'static str {
        let (en, zh) = match self {
            Action::NewCase => ("New complaint", "新投诉"),
            Action::ExportMonth => ("Export month…", "导出月度报表…"),
            Action::Quit => ("Quit BranchDesk", "退出 BranchDesk"),
            Action::Page(Page::Dashboard) => ("Dashboard", "工作台"),
            Action::Page(Page::Cases) => ("Cases", "投诉案件"),
            Action::Page(Page::Training) => ("Training", "员工培训"),
            Action::Page(Page::Prevention) => ("Prevention", "预防计划"),
            Action::Page(Page::Reports) => ("Reports", "月度报表"),
            Action::Page(Page::Staff) => ("Staff", "员工"),
            Action::Page(Page::Settings) => ("Settings", "设置"),
            Action::About => ("About BranchDesk", "关于 BranchDesk"),
            Action::OpenLogFolder => ("Open log folder", "打开日志文件夹"),
            Action::UserGuide => ("User guide", "使用指南"),
        };
        pick(lang, en, zh)
    }
}

/// The system's own items: the OS carries them out (text fields need Edit's on macOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Native {
    /// Undo typing.
    Undo,
    /// Redo typing.
    Redo,
    /// Cut.
    Cut,
    /// Copy.
    Copy,
    /// Paste.
    Paste,
    /// Select all.
    SelectAll,
    /// macOS: Services.
    Services,
    /// macOS: Hide BranchDesk.
    Hide,
    /// macOS: Hide Others.
    HideOthers,
    /// macOS: Show All.
    ShowAll,
}

impl Native {
    /// The label in `lang` (macOS would show English otherwise).
    pub fn label(self, lang: Language) -> &'static str {
        let (en, zh) = match self {
            Native::Undo => ("Undo", "撤销"),
            Native::Redo => ("Redo", "重做"),
            Native::Cut => ("Cut", "剪切"),
            Native::Copy => ("Copy", "复制"),
            Native::Paste => ("Paste", "粘贴"),
            Native::SelectAll => ("Select All", "全选"),
            Native::Services => ("Services", "服务"),
            Native::Hide => ("Hide BranchDesk", "隐藏 BranchDesk"),
            Native::HideOthers => ("Hide Others", "隐藏其他"),
            Native::ShowAll => ("Show All", "全部显示"),
        };
        pick(lang, en, zh)
    }
}

/// One entry of a submenu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// One of ours.
    Action(Action),
    /// The system's.
    Native(Native),
    /// A dividing line.
    Separator,
}

/// A submenu: its id, label and entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submenu {
    /// A stable id (`app`, `file`, `edit`, `view`, `help`).
    pub id: &'static str,
    /// The title in the menu bar.
    pub label: &'static str,
    /// The entries, in order.
    pub items: Vec<Item>,
}

/// The whole menu bar for `lang` on `os`.
pub fn menu(lang: Language, os: Os) -> Vec<Submenu> {
    use Item::{Action as A, Native as N, Separator};
    let mac = os == Os::Mac;
    let mut bar = Vec::new();
    if mac {
        bar.push(Submenu {
            id: "app",
            label: "BranchDesk",
            items: vec![
                A(Action::About),
                Separator,
                N(Native::Services),
                Separator,
                N(Native::Hide),
                N(Native::HideOthers),
                N(Native::ShowAll),
                Separator,
                A(Action::Quit),
            ],
        });
    }
    let mut file = vec![A(Action::NewCase), A(Action::ExportMonth)];
    if !mac {
        file.extend([Separator, A(Action::Quit)]);
    }
    bar.push(Submenu {
        id: "file",
        label: pick(lang, "File", "文件"),
        items: file,
    });
    let mut edit = Vec::new();
    if os != Os::Linux {
        edit.extend([N(Native::Undo), N(Native::Redo), Separator]);
    }
    edit.extend([
        N(Native::Cut),
        N(Native::Copy),
        N(Native::Paste),
        N(Native::SelectAll),
    ]);
    bar.push(Submenu {
        id: "edit",
        label: pick(lang, "Edit", "编辑"),
        items: edit,
    });
    bar.push(Submenu {
        id: "view",
        label: pick(lang, "View", "查看"),
        items: ACTIONS
            .into_iter()
            .filter(|action| matches!(action, Action::Page(_)))
            .map(A)
            .collect(),
    });
    let mut help = vec![A(Action::UserGuide), A(Action::OpenLogFolder)];
    if !mac {
        help.extend([Separator, A(Action::About)]);
    }
    bar.push(Submenu {
        id: "help",
        label: pick(lang, "Help", "帮助"),
        items: help,
    });
    bar
}

fn pick(lang: Language, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Language::En => en,
        Language::ZhCn => zh,
    }
}

#[cfg(test)]
#[path = "menu_model_tests.rs"]
mod tests;
