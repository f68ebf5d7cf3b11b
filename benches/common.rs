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
