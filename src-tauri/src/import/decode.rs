//! Turning a CSV file's bytes into text. Excel saves "CSV UTF-8" with a byte-order mark, plain
//! "CSV" in the system's code page (GBK on Chinese Windows) and "Unicode text" as UTF-16 with
//! tabs; all of them reach us as `.csv` files.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::ImportProblem;
use crate::error::{Error, Result};

/// A file's text and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    pub encoding: &'static str,
}

/// Decodes `bytes`: a byte-order mark decides; otherwise UTF-8 when the bytes are valid UTF-8,
/// else GB18030 (a superset of GBK and GB2312). Bytes that are neither are unreadable.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded> {
    let unreadable = || Error::Import(ImportProblem::Unreadable);
    if let Some((encoding, bom_length)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        if had_errors {
            return Err(unreadable());
        }
        let name = if encoding == UTF_16LE {
            "utf-16le"
        } else if encoding == UTF_16BE {
            "utf-16be"
        } else {
            "utf-8-bom"
        };
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: name,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: "utf-8",
        }),
        Err(error) => {
            let bytes = error.into_bytes();
            let (text, had_errors) = GB18030.decode_without_bom_handling(&bytes);
            if had_errors || text.contains('\0') {
                return Err(unreadable());
            }
            Ok(Decoded {
                text: text.into_owned(),
                encoding: "gb18030",
            })
        }
    }
}

/// The field separator of a delimited text: whichever of comma, tab and semicolon appears most
/// often outside quotes in the first line (comma when none does).
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b'\t', 0), (b';', 0)];
    let mut quoted = false;
    for c in text.chars() {
        if !quoted && (c == '\n' || c == '\r') {
            break;
        }
        if c == '"' {
            quoted = !quoted;
        } else if !quoted
            && let Some(entry) = counts
                .iter_mut()
                .find(|(d, _)| u32::from(*d) == u32::from(c))
        {
            entry.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(delimiter, count)| (*count, *delimiter == b','))
        .map_or(b',', |(delimiter, _)| *delimiter)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "日期,投诉内容\n2024-03-01,快递三天没到 🙂\n";

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        let plain = decode(SAMPLE.as_bytes().to_vec()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (SAMPLE, "utf-8"));
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        let bom = decode(with_bom).unwrap();
        assert_eq!((bom.text.as_str(), bom.encoding), (SAMPLE, "utf-8-bom"));
    }

    #[test]
    fn gbk_bytes_from_chinese_excel_are_read_as_gb18030() {
        let text = "日期,投诉人,投诉内容\n2024/3/1,王小明,楼道灯坏了\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        assert!(std::str::from_utf8(&bytes).is_err(), "GBK is not UTF-8");
        let decoded = decode(bytes.into_owned()).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (text, "gb18030"));
    }

    #[test]
    fn utf16_unicode_text_is_read_by_its_mark() {
        let text = "日期\t内容\n2024-03-01\t噪音\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(bytes).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (text, "utf-16le")
        );
    }

    #[test]
    fn binary_garbage_is_unreadable() {
        let err = decode(vec![0x00, 0xFF, 0x80, 0x81, 0xFE, 0x00]).unwrap_err();
        assert_eq!(err.code(), "import.unreadable");
    }

    #[test]
    fn the_separator_is_sniffed_from_the_first_line() {
        assert_eq!(sniff_delimiter("a,b,c\n1;2"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n"), b'\t');
        assert_eq!(sniff_delimiter("a;b;\"x,y,z\"\n"), b';');
        assert_eq!(sniff_delimiter("only"), b',');
    }
}
