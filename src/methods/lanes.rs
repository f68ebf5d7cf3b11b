//! Sums over one option's cells in four interleaved lanes, and a logarithm
//! that vectorizes.
//!
//! A left-to-right sum waits on each addition before the next; four partial
//! sums (cells j ≡ 0, 1, 2, 3 mod 4, combined as `(s0 + s1) + (s2 + s3)`,
//! then the remainder in order) keep the floating-point units busy and let
//! the compiler use vector registers. The order is fixed, so results are the
//! same on every run and thread count; they may differ from a left-to-right
//! sum in the last bits.

/// The sum of `x`, in four lanes.
#[inline(always)]
pub fn sum(x: &[f64]) -> f64 {
    let mut acc = [0.0; 4];
    let chunks = x.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        for k in 0..4 {
            acc[k] += c[k];
        }
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for v in rest {
        s += v;
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn lane_sums_add_every_cell_once() {
        for m in 0..11 {
            let x: Vec<f64> = (0..m).map(|j| (j + 1) as f64).collect();
            assert_eq!(super::sum(&x), x.iter().sum::<f64>(), "m = {m}");
        }
    }
}

/// `ln x` for a positive normal `x`, without branches, so a loop over a
/// row's cells can vectorize (the library `ln` is a call per cell).
///
/// The algorithm of fdlibm's `__ieee754_log` (Sun Microsystems, 1993):
/// `x = 2^k · (1 + f)` with `√2/2 ≤ 1 + f < √2`, `s = f / (2 + f)`, and
/// `ln(1 + f) = f − s·(f − R(s²))` where `R` is a degree-7 minimax
/// polynomial; error below 1 ulp. Zero, subnormal, infinite and NaN inputs
/// give meaningless results: callers check `x` first.
#[inline(always)]
pub fn ln(x: f64) -> f64 {
    // fdlibm's constants, by their bits.
    const LN2_HI: f64 = f64::from_bits(0x3fe62e42_fee00000);
    const LN2_LO: f64 = f64::from_bits(0x3dea39ef_35793c76);
    const LG1: f64 = f64::from_bits(0x3fe55555_55555593);
    const LG2: f64 = f64::from_bits(0x3fd99999_9997fa04);
    const LG3: f64 = f64::from_bits(0x3fd24924_94229359);
    const LG4: f64 = f64::from_bits(0x3fcc71c5_1d8e78af);
    const LG5: f64 = f64::from_bits(0x3fc74664_96cb03de);
    const LG6: f64 = f64::from_bits(0x3fc39a09_d078c69f);
    const LG7: f64 = f64::from_bits(0x3fc2f112_df3e5244);
    let bits = x.to_bits();
    // Mantissa in [1, 2), halved when above √2; the exponent as a double
    // through the 2^52 trick (no integer-to-float conversion).
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    let k =
        f64::from_bits(0x4330_0000_0000_0000 | (bits >> 52)) - (4_503_599_627_370_496.0 + 1023.0);
    let big = m > std::f64::consts::SQRT_2;
    let m = if big { m * 0.5 } else { m };
    let k = if big { k + 1.0 } else { k };
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let r = t2 + t1;
    let hfsq = 0.5 * f * f;
    k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f)
}

#[cfg(test)]
mod ln_tests {
    #[test]
    fn ln_is_within_an_ulp_of_the_library() {
        let mut worst: f64 = 0.0;
        let mut x = 1e-300;
        while x < 1e300 {
            for y in [
                x,
                x * 1.000_000_1,
                x * std::f64::consts::SQRT_2,
                x * 1.999_999,
            ] {
                let (got, want) = (super::ln(y), y.ln());
                let ulp = f64::EPSILON * want.abs().max(f64::MIN_POSITIVE);
                worst = worst.max((got - want).abs() / ulp);
            }
            x *= 1.37;
        }
        for k in 1..=100_000 {
            let y = k as f64 / 100_000.0;
            let (got, want) = (super::ln(y), y.ln());
            worst = worst.max((got - want).abs() / (f64::EPSILON * want.abs().max(1e-300)));
        }
        assert!(worst <= 2.0, "worst error {worst} ulp");
        assert_eq!(super::ln(1.0), 0.0);
    }
}
