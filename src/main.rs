//! The `quadra` command.

fn main() {
    std::process::exit(quadra::cli::run(std::env::args_os()));
}
