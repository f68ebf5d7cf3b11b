use std::process::ExitCode;

fn main() -> ExitCode {
    match tradeoffs::run(std::env::args_os()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let message = error.to_string();
            if !message.is_empty() {
                eprintln!("{message}");
            }
            ExitCode::from(error.exit_code())
        }
    }
}
