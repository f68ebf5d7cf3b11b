//! Runs a kernel compiled for the widest vector instructions the processor has.
//!
//! The binary is built for the baseline of its target (SSE2 on x86-64) so it
//! runs on any machine. [`run`] detects AVX2 with FMA, or AVX-512, at run
//! time (through `pulp`) and calls a copy of the kernel compiled with those
//! instructions enabled, so the compiler's vectorized loops use registers
//! two or four times wider.
//!
//! Every copy computes the same bits: kernels use IEEE additions,
//! multiplications, divisions and comparisons in the order the source gives
//! (Rust never reassociates floating-point sums or fuses a multiplication
//! with an addition on its own), so results do not depend on the processor.

/// A computation to compile once per instruction set.
///
/// Implementations mark [`Kernel::run`] `#[inline(always)]`, and so do the
/// functions it calls in its hot loops: only code inlined into the
/// dispatched copy gets the wider instructions.
pub trait Kernel {
    /// What the kernel returns.
    type Output;
    /// Does the work.
    fn run(self) -> Self::Output;
}

/// Runs `kernel` with the widest vector instructions available.
pub fn run<K: Kernel>(kernel: K) -> K::Output {
    pulp::Arch::new().dispatch(Dispatched(kernel))
}

struct Dispatched<K>(K);

impl<K: Kernel> pulp::WithSimd for Dispatched<K> {
    type Output = K::Output;

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) -> Self::Output {
        self.0.run()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dot<'a>(&'a [f64], &'a [f64]);

    impl Kernel for Dot<'_> {
        type Output = f64;
        #[inline(always)]
        fn run(self) -> f64 {
            crate::methods::lanes::sum(
                &self
                    .0
                    .iter()
                    .zip(self.1)
                    .map(|(a, b)| a * b)
                    .collect::<Vec<_>>(),
            )
        }
    }

    #[test]
    fn a_dispatched_kernel_computes_the_same_bits_as_a_plain_call() {
        let a: Vec<f64> = (0..1000).map(|i| (i as f64).sqrt() / 7.0).collect();
        let b: Vec<f64> = (0..1000).map(|i| 1.0 / (1.0 + i as f64)).collect();
        let plain = Dot(&a, &b).run();
        assert_eq!(run(Dot(&a, &b)).to_bits(), plain.to_bits());
    }
}
