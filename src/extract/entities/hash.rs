//! Cheap 64-bit hashing for feature keys, and a pass-through hasher for maps keyed by them.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Combines two hashes; order matters.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a.rotate_left(5) ^ b).wrapping_mul(K);
    x ^ (x >> 29)
}

#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_chunks(bytes, |v| v)
}

/// [`hash_bytes`] of the bytes, each mapped by `f` in eight-byte little-endian words (a
/// short last word is padded with zeros, which `f` must keep zero).
#[inline]
fn hash_chunks(bytes: &[u8], f: impl Fn(u64) -> u64) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        h = (h ^ f(v)).wrapping_mul(K).rotate_left(23);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = 0u64;
        for (i, &b) in rest.iter().enumerate() {
            v |= (b as u64) << (i * 8);
        }
        h = (h ^ f(v)).wrapping_mul(K).rotate_left(23);
    }
    h ^ (h >> 31) ^ bytes.len() as u64
}

/// ASCII letters `A`-`Z` in each byte of `v` made lowercase, other bytes kept (bytes must
/// be ASCII: below 0x80).
#[inline]
fn ascii_lower_word(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte: set where the byte is >= 'A', and where it is > 'Z'.
    let at_least_a = v.wrapping_add(ONES * (0x80 - b'A' as u64));
    let above_z = v.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = at_least_a & !above_z & (ONES * 0x80);
    v | (upper >> 2)
}

/// Hash of the lowercase form, without allocating for ASCII words.
#[inline]
pub fn hash_lower(word: &str) -> u64 {
    if word.is_ascii() {
        return hash_chunks(word.as_bytes(), ascii_lower_word);
    }
    hash_bytes(word.to_lowercase().as_bytes())
}

/// Hash of a feature name given as a string (template names).
pub const fn tmpl(name: &str) -> u64 {
    let b = name.as_bytes();
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x100_0000_01B3);
        i += 1;
    }
    h
}

/// Keys are already well mixed: use them as they are.
#[derive(Default)]
pub struct NoHash(u64);

impl Hasher for NoHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type NoHashBuilder = BuildHasherDefault<NoHash>;

/// An FxHash-style hasher (the one rustc uses) for maps keyed by short strings: one multiply
/// per eight bytes instead of SipHash's rounds. It does not resist crafted collisions, which
/// is fine for maps that live for one part of one document.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Fx {
    const SEED: u64 = 0x51_7C_C1_B7_27_22_0A_95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for Fx {
    #[inline]
    fn finish(&self) -> u64 {
        // The multiply mixes the high bits best; the map takes its bucket from the low ones.
        self.0.rotate_left(26)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

pub type FxBuilder = BuildHasherDefault<Fx>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash as first written, byte by byte: the model's feature keys depend on it.
    fn hash_bytes_by_byte(bytes: &[u8]) -> u64 {
        let mut h: u64 = 0xCBF2_9CE4_8422_2325;
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, &b) in chunk.iter().enumerate() {
                v |= (b as u64) << (i * 8);
            }
            h = (h ^ v).wrapping_mul(K).rotate_left(23);
        }
        h ^ (h >> 31) ^ bytes.len() as u64
    }

    #[test]
    fn hashes_stay_what_the_model_was_trained_with() {
        let all_ascii: String = (1u8..0x80).map(char::from).collect();
        let words = [
            "",
            "a",
            "Of",
            "Obama",
            "WASHINGTON",
            "U.S.",
            "1,700.50",
            "Organisation",
            "@[`{Zz",
            "Ünïcödé",
            "ÉCOLE",
            &all_ascii,
        ];
        for w in words {
            assert_eq!(
                hash_bytes(w.as_bytes()),
                hash_bytes_by_byte(w.as_bytes()),
                "{w}"
            );
            assert_eq!(
                hash_lower(w),
                hash_bytes_by_byte(w.to_lowercase().as_bytes()),
                "{w}"
            );
        }
    }
}
