// Each bench and example includes this file and uses part of it.
#![allow(dead_code)]

//! Inputs shared by the benches and the peer comparison: a decision matrix
//! that Rust and Python generate identically, from SplitMix64 of the cell index.

use nalgebra::DMatrix;
use tradeoffs::model::{
    Criterion, CriterionId, Direction, MissingPolicy, PreferenceFunction, Scale,
};

/// SplitMix64 of `k` (Steele, Lea & Flood 2014), mapped to `[0, 10)`.
pub fn cell(k: u64) -> f64 {
    let mut z = k.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64 * 10.0
}

/// `n` options × `m` criteria, row-major cell indices; the first half benefit.
pub fn matrix(n: usize, m: usize) -> (DMatrix<f64>, Vec<Criterion>) {
    let x = DMatrix::from_fn(n, m, |i, j| cell((i * m + j) as u64));
    (x, criteria(m, PreferenceFunction::Usual))
}

/// The same scores as [`matrix`], stored row by row (as numpy stores them).
pub fn rows(n: usize, m: usize) -> Vec<f64> {
    (0..(n * m) as u64).map(cell).collect()
}

/// `m` criteria on a 0..10 scale, the first half benefit, with preference `f`.
pub fn criteria(m: usize, f: PreferenceFunction) -> Vec<Criterion> {
    (0..m)
        .map(|j| Criterion {
            id: CriterionId::new(format!("c{j}")),
            name: format!("c{j}"),
            description: String::new(),
            group: None,
            direction: if j < m.div_ceil(2) {
                Direction::Benefit
            } else {
                Direction::Cost
            },
            scale: Scale {
                min: 0.0,
                max: 10.0,
            },
            value_function: None,
            missing: MissingPolicy::Error,
            preference: f,
        })
        .collect()
}

/// The default model compiled into the binary.
pub fn default_model() -> tradeoffs::Model {
    tradeoffs::from_texts(
        tradeoffs::input::DEFAULT_OPTIONS,
        tradeoffs::input::DEFAULT_CRITERIA,
    )
    .expect("the default model is valid")
}

/// Words in the text: about the length of the longest paper of the default model.
pub const QUOTE_TEXT_WORDS: usize = 16_000;
/// Quotes checked: about as many as the default model carries.
pub const QUOTES: usize = 400;
/// Words per quote (some 200 characters).
pub const QUOTE_WORDS: usize = 30;

/// A text of `QUOTE_TEXT_WORDS` words with a skewed spread (word `w<k>`, `k` the cube of
/// a uniform draw in `[0, 10)`, so small `k` are common) and a line break
/// every 12 words; quotes of `QUOTE_WORDS` words taken from it; and the same
/// quotes with their middle word changed.
pub fn quote_corpus() -> (String, Vec<String>, Vec<String>) {
    let words: Vec<String> = (0..QUOTE_TEXT_WORDS as u64)
        .map(|k| {
            let c = cell(k);
            let rank = (c * c * c).floor() as u64;
            format!("w{rank}")
        })
        .collect();
    let mut text = String::new();
    for (i, w) in words.iter().enumerate() {
        text.push_str(w);
        text.push(if i % 12 == 11 { '\n' } else { ' ' });
    }
    let quotes: Vec<String> = (0..QUOTES as u64)
        .map(|q| {
            let start =
                (cell(1_000_000 + q) / 10.0 * (QUOTE_TEXT_WORDS - QUOTE_WORDS) as f64) as usize;
            words[start..start + QUOTE_WORDS].join(" ")
        })
        .collect();
    let misses = quotes
        .iter()
        .map(|q| {
            let mut w: Vec<&str> = q.split(' ').collect();
            w[QUOTE_WORDS / 2] = "changed";
            w.join(" ")
        })
        .collect();
    (text, quotes, misses)
}
