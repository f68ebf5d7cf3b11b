//! Colours: a qualitative palette for criteria, the Okabe–Ito palette for
//! highlighted lines, and viridis for ordered quantities (ranks, acceptability).

use plotters::style::RGBColor;

/// Okabe & Ito (2008), "Color universal design": eight colours distinguishable
/// under the common forms of colour blindness. Used for a handful of lines.
pub const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

/// Paul Tol's twelve-colour qualitative scheme (P. Tol, "Colour Schemes",
/// SRON technical note SRON/EPS/TN/09-002, 2012, fig. 3): twelve hues that stay
/// apart for colour-blind readers, one per criterion.
pub const TOL_12: [RGBColor; 12] = [
    RGBColor(0x33, 0x22, 0x88),
    RGBColor(0x66, 0x99, 0xCC),
    RGBColor(0x88, 0xCC, 0xEE),
    RGBColor(0x44, 0xAA, 0x99),
    RGBColor(0x11, 0x77, 0x33),
    RGBColor(0x99, 0x99, 0x33),
    RGBColor(0xDD, 0xCC, 0x77),
    RGBColor(0x66, 0x11, 0x00),
    RGBColor(0xCC, 0x66, 0x77),
    RGBColor(0xAA, 0x44, 0x66),
    RGBColor(0x88, 0x22, 0x55),
    RGBColor(0xAA, 0x44, 0x99),
];

/// Hues none of Tol's twelve has, from Okabe & Ito's palette (orange,
/// vermillion, yellow), black and a mid grey: criteria 13 to 17.
const EXTRA: [RGBColor; 5] = [
    RGBColor(230, 159, 0),
    RGBColor(213, 94, 0),
    RGBColor(0, 0, 0),
    RGBColor(240, 228, 66),
    RGBColor(153, 153, 153),
];

/// The colour of criterion `index`: Tol's twelve, then five hues they lack,
/// then the same seventeen lightened (the legend and the numbered segments
/// keep those apart).
pub fn criterion(index: usize) -> RGBColor {
    let all = TOL_12.len() + EXTRA.len();
    let k = index % all;
    let base = if k < TOL_12.len() {
        TOL_12[k]
    } else {
        EXTRA[k - TOL_12.len()]
    };
    lighten(base, (0.45 * (index / all) as f64).min(0.8))
}

/// The Okabe–Ito colour for a highlighted line.
pub fn line(index: usize) -> RGBColor {
    OKABE_ITO[index % OKABE_ITO.len()]
}

/// `colour` mixed with white: 0 = as is, 1 = white.
pub fn lighten(colour: RGBColor, amount: f64) -> RGBColor {
    let RGBColor(r, g, b) = colour;
    let mix =
        |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * amount.clamp(0.0, 1.0)).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}

/// Viridis (van der Walt & Smith, matplotlib, 2015) sampled at nine even
/// stops; perceptually uniform and legible in grey. `t` in 0..=1, 0 = dark.
const VIRIDIS: [(u8, u8, u8); 9] = [
    (0x44, 0x01, 0x54),
    (0x48, 0x28, 0x78),
    (0x3e, 0x49, 0x89),
    (0x31, 0x68, 0x8e),
    (0x26, 0x82, 0x8e),
    (0x1f, 0x9e, 0x89),
    (0x35, 0xb7, 0x79),
    (0x6e, 0xce, 0x58),
    (0xfd, 0xe7, 0x25),
];

/// The viridis colour at `t` in 0..=1 (0 = dark purple, 1 = yellow).
pub fn viridis(t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let x = t * (VIRIDIS.len() - 1) as f64;
    let k = (x.floor() as usize).min(VIRIDIS.len() - 2);
    let f = x - k as f64;
    let (a, b) = (VIRIDIS[k], VIRIDIS[k + 1]);
    let mix = |p: u8, q: u8| (f64::from(p) + f * (f64::from(q) - f64::from(p))).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Black or white, whichever reads better on `fill` (WCAG relative luminance).
pub fn ink(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    // Contrast with white (1.05 / (l + 0.05)) against with black ((l + 0.05) / 0.05).
    if 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 {
        RGBColor(255, 255, 255)
    } else {
        RGBColor(0, 0, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_runs_from_its_first_to_its_last_stop() {
        assert_eq!(viridis(0.0), RGBColor(0x44, 0x01, 0x54));
        assert_eq!(viridis(1.0), RGBColor(0xfd, 0xe7, 0x25));
    }

    #[test]
    fn twelve_criteria_get_twelve_different_colours() {
        let colours: std::collections::HashSet<(u8, u8, u8)> = (0..34)
            .map(|k| {
                let RGBColor(r, g, b) = criterion(k);
                (r, g, b)
            })
            .collect();
        assert_eq!(colours.len(), 34);
    }

    #[test]
    fn ink_is_white_on_dark_and_black_on_light() {
        assert_eq!(ink(viridis(0.0)), RGBColor(255, 255, 255));
        assert_eq!(ink(viridis(1.0)), RGBColor(0, 0, 0));
    }
}
