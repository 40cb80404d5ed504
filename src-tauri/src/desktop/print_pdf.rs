//! Printing the window straight to a PDF file, with no dialog, for the end-to-end tests:
//! WebKitWebDriver has no "Print Page" command, so when `BRANCHDESK_PRINT_TO_PDF` names a file,
//! `print_page` runs a WebKitGTK print operation on GTK's "Print to File" printer (A4) instead of
//! opening the print dialog. The PDF is written beside the target as `<file>.part` and renamed
//! when WebKit reports the job finished, so a reader never sees half a file.

use std::path::{Path, PathBuf};

use tauri::{Runtime, WebviewWindow};
use webkit2gtk::PrintOperationExt;

use crate::error::{Error, Result};

/// The environment variable naming the PDF file to print to (tests only).
const PRINT_TO_PDF: &str = "BRANCHDESK_PRINT_TO_PDF";

/// GTK's file printer; its name is the untranslated one under the tests' C locale.
const FILE_PRINTER: &str = "Print to File";

/// The PDF file the tests asked for, if any.
pub fn requested() -> Option<PathBuf> {
    std::env::var_os(PRINT_TO_PDF)
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
}

/// Prints what the window shows (its print style sheet applies) to `target` as A4 PDF.
pub fn print_to_pdf<R: Runtime>(window: &WebviewWindow<R>, target: &Path) -> Result<()> {
    let part = target.with_extension("pdf.part");
    let uri = format!("file://{}", part.display());
    let target = target.to_path_buf();
    window
        .with_webview(move |webview| {
            let settings = gtk::PrintSettings::new();
            settings.set_printer(FILE_PRINTER);
            settings.set(gtk::PRINT_SETTINGS_OUTPUT_FILE_FORMAT, Some("pdf"));
            settings.set(gtk::PRINT_SETTINGS_OUTPUT_URI, Some(&uri));
            let a4 = gtk::PaperSize::new(Some(gtk::PAPER_NAME_A4));
            settings.set_paper_size(&a4);
            let setup = gtk::PageSetup::new();
            setup.set_paper_size_and_default_margins(&a4);
            let operation = webkit2gtk::PrintOperation::new(&webview.inner());
            operation.set_print_settings(&settings);
            operation.set_page_setup(&setup);
            operation.connect_failed(|_, error| {
                tracing::warn!(%error, "printing to PDF failed");
            });
            operation.connect_finished(move |_| {
                if let Err(error) = std::fs::rename(&part, &target) {
                    tracing::warn!(%error, "the printed PDF could not be moved into place");
                }
            });
            operation.print();
        })
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}
