use std::process::ExitCode;

fn main() -> ExitCode {
    match tradeoffs::run(std::env::args_os()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            error.eprint();
            ExitCode::from(error.exit_code())
        }
    }
}
