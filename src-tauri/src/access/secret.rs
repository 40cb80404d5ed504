//! Passwords, PINs and the recovery code: checked for shape, hashed with argon2id (PHC
//! strings), verified in about the same time whether or not the user exists.

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};

/// What the branch asks its people to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SecretKind {
    /// At least [`MIN_PASSWORD_CHARS`] characters.
    Password,
    /// Exactly six digits.
    Pin,
}

impl SecretKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SecretKind::Password => "password",
            SecretKind::Pin => "pin",
        }
    }

    /// Reads a stored or typed kind.
    pub fn parse(field: &str, value: &str) -> Result<SecretKind> {
        match value.trim() {
            "password" => Ok(SecretKind::Password),
            "pin" => Ok(SecretKind::Pin),
            _ => Err(Error::invalid(field, Invalid::Choice)),
        }
    }
}

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted (argon2 takes any length; this keeps input sane).
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Checks a new password or PIN against the branch's kind. `field` names the input.
pub fn check_new(kind: SecretKind, field: &str, secret: &str) -> Result<()> {
    let n = secret.chars().count();
    let ok = match kind {
        SecretKind::Password => (MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&n),
        SecretKind::Pin => n == 6 && secret.chars().all(|c| c.is_ascii_digit()),
    };
    if ok {
        Ok(())
    } else if kind == SecretKind::Pin {
        Err(Error::invalid(field, Invalid::Pin))
    } else {
        Err(Error::invalid(field, Invalid::Password))
    }
}

/// The argon2id PHC string of `secret`, with a fresh random salt (the crate's default
/// parameters: argon2id v19, 19 MiB, 2 passes).
pub fn hash(secret: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|phc| phc.to_string())
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

/// Whether `secret` matches the PHC string `phc`. A malformed string never matches.
pub fn verify(secret: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(secret.as_bytes(), &parsed)
            .is_ok()
    })
}

/// The hash of a random secret nobody kept, with the same parameters as [`hash`], so
/// verifying against it costs what verifying a real sign-in does (a fixed string: computing it
/// at the first unknown user would make that one answer slower and so tell).
const DUMMY_PHC: &str = "$argon2id$v=19$m=19456,t=2,p=1$Lk9svSWxlO2nSix5wTnAcQ$LeRo6h0vdu6XmuPHX2LihaeVKbv7g2WMeEtYmoJox3w";

/// Verifies against [`DUMMY_PHC`], so an unknown user name takes as long to refuse as a wrong
/// password; the answer is ignored.
pub fn verify_dummy(secret: &str) {
    let _ = verify(secret, DUMMY_PHC);
}

/// Letters of a recovery code: no 0/O, 1/I/L, so it can be read aloud and typed back.
const RECOVERY_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A new recovery code: four groups of five (about 99 bits), e.g. `7KQ2M-…`.
pub fn new_recovery_code() -> String {
    let mut groups = Vec::with_capacity(4);
    for _ in 0..4 {
        let group: String = (0..5)
            .map(|_| {
                let i = OsRng.next_u32() as usize % RECOVERY_ALPHABET.len();
                char::from(RECOVERY_ALPHABET[i])
            })
            .collect();
        groups.push(group);
    }
    groups.join("-")
}

/// A typed recovery code folded to its stored form: upper case, no spaces or dashes.
pub fn fold_recovery_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_an_argon2id_phc_string_that_verifies_only_its_secret() {
        let phc = hash("correct horse").unwrap();
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(!phc.contains("correct horse"));
        assert!(verify("correct horse", &phc));
        assert!(!verify("correct hors", &phc));
        assert!(!verify("correct horse", "not a phc string"));
        assert_ne!(phc, hash("correct horse").unwrap(), "salted");
    }

    #[test]
    fn the_dummy_hash_has_the_parameters_of_a_real_one() {
        let real = hash("x").unwrap();
        let params = |phc: &str| phc.split('$').take(4).collect::<Vec<_>>().join("$");
        assert_eq!(params(DUMMY_PHC), params(&real));
        assert!(PasswordHash::new(DUMMY_PHC).is_ok());
    }

    #[test]
    fn pins_are_six_digits_and_passwords_eight_characters_or_more() {
        assert!(check_new(SecretKind::Pin, "secret", "123456").is_ok());
        for bad in ["12345", "1234567", "12345a", "１２３４５６", ""] {
            assert!(check_new(SecretKind::Pin, "secret", bad).is_err(), "{bad}");
        }
        assert!(check_new(SecretKind::Password, "secret", "八个字的密码啊啊").is_ok());
        assert!(check_new(SecretKind::Password, "secret", "short").is_err());
        assert!(check_new(SecretKind::Password, "secret", &"x".repeat(500)).is_err());
    }

    #[test]
    fn recovery_codes_are_readable_and_fold_back() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 23);
        assert_ne!(code, new_recovery_code());
        let typed = format!(" {} ", code.to_lowercase().replace('-', " "));
        assert_eq!(fold_recovery_code(&typed), code.replace('-', ""));
    }
}
