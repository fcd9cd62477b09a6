//! Bytes to text, in the encoding they are in: UTF-8 (the default),
//! UTF-16 with a byte-order mark, or, for bytes that are not UTF-8, the
//! legacy encoding they read as: GB18030/GBK (common for Chinese
//! government files), Big5, Windows-1252 (Latin-1) and the others the
//! `chardetng` crate tells apart. The decoding is the `encoding_rs` crate's.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

use super::sanitize::{Decoded, decode_utf8};

/// Decodes `bytes`, telling which encoding was used.
///
/// Another encoding is tried only when UTF-8 fails, and only where the
/// bytes are mostly not UTF-8 (fewer valid non-ASCII characters than
/// invalid bytes): so a UTF-8 text with a stray byte stays UTF-8, its bad
/// byte shown as `�`, rather than all its Chinese turned to nonsense.
/// Which encoding is `chardetng`'s guess (GBK is read as GB18030, its
/// superset), kept if it reads with fewer invalid bytes than UTF-8.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes)
        && (encoding == UTF_16LE || encoding == UTF_16BE)
    {
        let name = if encoding == UTF_16LE {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        };
        return decode_with(encoding, &bytes[bom..], name);
    }
    let utf8 = decode_utf8(bytes);
    if utf8.invalid_bytes == 0 {
        return utf8;
    }
    let valid_non_ascii: usize = (bytes.utf8_chunks())
        .map(|c| c.valid().chars().filter(|c| !c.is_ascii()).count())
        .sum();
    if valid_non_ascii >= utf8.invalid_bytes {
        return utf8;
    }
    // The start tells the encoding as well as the whole would, in a
    // fraction of the time; not at its end, where a character is cut.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let whole = bytes.len() <= GUESS_FROM;
    detector.feed(&bytes[..bytes.len().min(GUESS_FROM)], whole);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let other = match guess {
        g if g == GBK || g == GB18030 => decode_with(GB18030, bytes, "GB18030"),
        g => decode_with(g, bytes, g.name()),
    };
    if other.invalid_bytes < utf8.invalid_bytes {
        other
    } else {
        utf8
    }
}

/// How many bytes the encoding is guessed from.
const GUESS_FROM: usize = 1 << 20;

/// How much decoded text is written at a time.
const CHUNK: usize = 64 * 1024;

/// Decodes with `encoding`, each malformed sequence shown as U+FFFD and
/// its bytes counted. Decoded through a buffer of its own and appended:
/// the crate's `decode_to_string…` zero-fills the string's spare room on
/// every call, once per malformed sequence, which made a file of invalid
/// bytes take time in the square of its size.
fn decode_with(encoding: &'static Encoding, bytes: &[u8], name: &'static str) -> Decoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len().saturating_add(bytes.len() / 2));
    let mut buffer = vec![0u8; CHUNK];
    let mut src = bytes;
    let mut invalid_bytes = 0;
    loop {
        let (result, read, written) =
            decoder.decode_to_utf8_without_replacement(src, &mut buffer, true);
        src = &src[read..];
        text.push_str(std::str::from_utf8(&buffer[..written]).expect("the decoder writes UTF-8"));
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, _) => {
                invalid_bytes += usize::from(bad);
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    Decoded {
        text,
        invalid_bytes,
        encoding: name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` in GB18030, through the crate's encoder.
    fn gb(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    #[test]
    fn utf8_stays_utf8() {
        let d = decode("1. 重申，ok".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding, d.invalid_bytes),
            ("1. 重申，ok", "UTF-8", 0)
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("《宣言》\n1. a".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le);
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("《宣言》\n1. a", "UTF-16LE")
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("重申".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).encoding, "UTF-16BE");
        assert_eq!(decode(&be).text, "重申");
    }

    #[test]
    fn gb18030_is_detected() {
        let bytes = gb("《行动计划》\n\n一、总体要求\n\n（一）加强青年工作。");
        // Written out, so that the test does not only trust the encoder.
        assert_eq!(&bytes[..4], [0xA1, 0xB6, 0xD0, 0xD0]);
        let d = decode(&bytes);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(
            d.text,
            "《行动计划》\n\n一、总体要求\n\n（一）加强青年工作。"
        );
        assert_eq!(d.invalid_bytes, 0);
    }

    /// Latin-1 bytes that happen to pair as GB18030 (`é` and the letter
    /// after it) are Latin-1 still, and Big5 is not read as GB18030.
    #[test]
    fn other_legacy_encodings_are_told_apart() {
        let french = "Déclaration de Douchanbé\n\n1. Réaffirme que la coopération \
                      régionale est nécessaire à la sécurité.\n";
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(french);
        let d = decode(&latin1);
        assert_eq!((d.text.as_str(), d.encoding), (french, "windows-1252"));
        assert_eq!(d.invalid_bytes, 0);
        let chinese =
            "《關於打擊恐怖主義的聯合聲明》\n\n一、雙方重申，將加強區域合作與資訊交流。\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(chinese);
        let d = decode(&big5);
        assert_eq!((d.text.as_str(), d.encoding), (chinese, "Big5"));
    }

    #[test]
    fn a_stray_byte_in_utf8_is_not_gb18030() {
        for bytes in [
            &b"caf\xe9s and more"[..],
            "重申，\u{fffd}".as_bytes(),
            b"1. ok\xff\xfe",
        ] {
            let mut bytes = bytes.to_vec();
            bytes.extend("重申，我们".as_bytes());
            assert_eq!(decode(&bytes).encoding, "UTF-8", "{bytes:?}");
        }
    }

    /// Many times the buffer's size, with malformed bytes all through it
    /// and characters across its edges: the same text and count as the
    /// crate's own decoding with replacement gives.
    #[test]
    fn long_texts_with_malformed_bytes_decode_whole() {
        const N: usize = 16_000;
        let mut bytes = Vec::new();
        for i in 0..N {
            bytes.extend(gb("重申，加强青年工作。a"));
            if i % 3 == 0 {
                bytes.push(0xFF);
            }
            if i % 7 == 0 {
                bytes.extend([0x81, 0x30]);
            }
        }
        assert!(bytes.len() > 4 * CHUNK);
        let (want, _) = GB18030.decode_without_bom_handling(&bytes);
        let d = decode_with(GB18030, &bytes, "GB18030");
        assert_eq!(d.text, want);
        let replaced = want
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        assert_eq!(replaced, N.div_ceil(3) + N.div_ceil(7));
        assert!(d.invalid_bytes >= replaced, "{}", d.invalid_bytes);
        let utf16: Vec<u8> = want.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_with(UTF_16LE, &utf16, "UTF-16LE").text, want);
    }
}
