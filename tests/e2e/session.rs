//! Signing in the real window: the fixtures' manager, the first manager's sign-in after the
//! welcome form, and the sign-in screen itself.

use fantoccini::key::Key;

use super::driver::App;

/// The user name and password of the manager every fixture database (and every first run
/// through [`App::create_first_manager`]) has.
pub const MANAGER: (&str, &str) = ("boss", "E2e-manager-2026");

impl App {
    /// Signs in as the fixtures' manager if the window starts on the sign-in screen; on a
    /// database nobody can sign in to yet (one set up without the fixtures), creates them first.
    pub async fn sign_in_if_asked(&self) {
        if self.count("#signin:not([hidden]) #signin-form").await > 0 {
            self.sign_in(MANAGER.0, MANAGER.1).await;
            self.wait_for("#app-shell:not([hidden])").await;
        } else if self
            .count("#signin:not([hidden]) #first-manager-form")
            .await
            > 0
        {
            self.create_first_manager().await;
        }
    }

    /// Once the window shows the sign-in screen again (after a restore or a retry reloads
    /// it), signs in as the fixtures' manager.
    pub async fn sign_in_again(&self) {
        self.wait_for("#signin:not([hidden]) #signin-form").await;
        self.sign_in(MANAGER.0, MANAGER.1).await;
        self.wait_for("#app-shell:not([hidden])").await;
    }

    /// Types a user name and password into the sign-in screen and submits.
    pub async fn sign_in(&self, username: &str, password: &str) {
        self.find("#signin-form").await;
        self.type_into("#signin-username", username).await;
        self.type_into("#signin-secret", password).await;
        self.click("#signin-submit").await;
    }

    /// After the welcome form: creates the manager's sign-in as [`MANAGER`] and dismisses the
    /// recovery code.
    pub async fn create_first_manager(&self) {
        self.find("#first-manager-form").await;
        self.type_into("#first-manager-name", "E2E Manager").await;
        self.type_into("#first-manager-username", MANAGER.0).await;
        self.type_into("#first-manager-secret", MANAGER.1).await;
        self.click("#first-manager-submit").await;
        self.click("#recovery-code-done").await;
        self.wait_for("#app-shell:not([hidden])").await;
    }

    /// Presses Ctrl+L in the window.
    pub async fn press_lock_shortcut(&self) {
        let chord = format!("{}l{}", char::from(Key::Control), char::from(Key::Null));
        // Keys go to an element; the view is focusable and the listener is on the document.
        let target = self.find("#view").await;
        target.send_keys(&chord).await.expect("Ctrl+L");
    }
}
