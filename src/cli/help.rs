//! `--help` in the language of the words printed: the descriptions of the commands and of
//! their options come from the message files; the names of commands and flags, and clap's own
//! headings (`Usage:`, `Options:`), stay as they are. English is the clap definition itself,
//! untouched, so its help is exactly what the doc comments say.

use crate::i18n::{Language, text, text_with, word};

/// The message of a command's description, by its path of subcommand names (`[]` for
/// `trialscreen` itself).
fn about_id(path: &[&str]) -> Option<&'static str> {
    Some(match path {
        [] => "help-trialscreen",
        ["open"] => "help-open",
        ["evaluate"] => "help-evaluate",
        ["check-protocol"] => "help-check-protocol",
        ["vocabulary"] => "help-vocabulary",
        ["new-protocol"] => "help-new-protocol",
        ["verify"] => "help-verify",
        ["sign"] => "help-sign",
        ["amend"] => "help-amend",
        ["summary"] => "help-summary",
        ["log"] => "help-log",
        ["calc"] => "help-calc",
        ["signer"] => "help-signer",
        ["signer", "create"] => "help-signer-create",
        ["signer", "list"] => "help-signer-list",
        _ => return None,
    })
}

/// The message of an argument's description, by its command's path and its id.
fn arg_id(path: &[&str], arg: &str) -> Option<&'static str> {
    Some(match (path, arg) {
        (_, "site") => "help-arg-site",
        (_, "protocols") => "help-arg-protocols",
        (_, "lang") => "help-arg-lang",
        (["evaluate" | "vocabulary"], "json") => "help-arg-json",
        (["vocabulary"], "what") => "help-arg-vocabulary-what",
        (["new-protocol"], "id") => "help-arg-new-protocol-id",
        (["new-protocol"], "output") => "help-arg-new-protocol-output",
        (["verify"], "roster") => "help-arg-roster",
        (_, "file") => "help-arg-file",
        (["log"], "folder") => "help-arg-folder",
        (["sign"], "by") => "help-arg-sign-by",
        (["sign"], "meaning") => "help-arg-sign-meaning",
        (["sign"], "statement") => "help-arg-sign-statement",
        (["sign"], "acknowledge_undecided") => "help-arg-sign-acknowledge",
        (["sign" | "amend"], "passphrase_stdin") => "help-arg-signing-passphrase",
        (["amend"], "by") => "help-arg-amend-by",
        (["amend"], "reason") => "help-arg-amend-reason",
        (["summary"], "output") => "help-arg-summary-output",
        (["log"], "output") => "help-arg-log-output",
        (["log"], "pdf") => "help-arg-log-pdf",
        (["calc"], "list") => "help-arg-calc-list",
        (["calc"], "name") => "help-arg-calc-name",
        (["calc"], "inputs") => "help-arg-calc-inputs",
        (["calc"], "json") => "help-arg-calc-json",
        (["signer", "create"], "name") => "help-arg-signer-name",
        (["signer", "create"], "passphrase_stdin") => "help-arg-signer-passphrase",
        _ => return None,
    })
}

/// A description: the names it quotes (files, flags, commands, examples) are placeholders,
/// the same in every language.
fn described(id: &str) -> String {
    let names = [
        ("example", "calc egfr-ckd-epi-2021 creatinine=1.09mg/dL age=55 sex=male"),
        ("create", "signer create --name NAME --passphrase-stdin"),
        ("list", "signer list"),
        ("id_example", "lupus-car-t-2027"),
        ("units", "units.ron"),
        ("dictionary", "dictionary.ron"),
        ("drugs", "drugs.ron"),
        ("protocols", "protocols/*.ron"),
        ("pattern", "*.ron"),
        ("pdf", "PDF/A-2u"),
        ("en", "en"),
        ("zh", "zh-CN"),
        ("variables", "LC_ALL, LC_MESSAGES, LANG"),
        ("default", "ID.v1.ron"),
        ("file", "roster.ron"),
        ("flag", "--statement"),
        ("ids", "eligible, screen_failure, reviewed_undecided, reviewed"),
        ("command", "calc --list"),
        ("form", "key=value"),
        ("fields", "{\"value\", \"unit\", \"explanation\", …}"),
    ];
    let names: Vec<(&str, String)> = names.iter().map(|(name, value)| (*name, (*value).to_owned())).collect();
    text_with(id, &names)
}

/// The command line's definition with its descriptions in `language` (unchanged in English).
pub fn localized(command: clap::Command, language: Language) -> clap::Command {
    if language == Language::En {
        return command;
    }
    localize(command, &mut Vec::new())
}

fn localize(mut command: clap::Command, path: &mut Vec<String>) -> clap::Command {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    if let Some(id) = about_id(&names) {
        command = command.about(described(id)).long_about(None::<&'static str>);
    }
    let args: Vec<(String, bool)> =
        command.get_arguments().map(|arg| (arg.get_id().to_string(), arg.is_positional())).collect();
    for (arg, positional) in args {
        let heading = word(if positional { "help-heading-arguments" } else { "help-heading-options" });
        command = command.mut_arg(&arg, |a| a.help_heading(heading));
        if let Some(id) = arg_id(&names, &arg) {
            command = command.mut_arg(arg, |a| a.help(described(id)).long_help(None::<&'static str>));
        }
    }
    // clap's own flags and headings, in the same words.
    command = command
        .disable_help_flag(true)
        .arg(flag("help", 'h', clap::ArgAction::Help, "help-flag-help"))
        .subcommand_help_heading(word("help-heading-commands"))
        .help_template(format!(
            "{{about-with-newline}}\n{}\n\n{{all-args}}",
            text_with("help-usage", &[("usage", "{usage}".to_owned())])
        ));
    if names.is_empty() {
        command =
            command.disable_version_flag(true).arg(flag("version", 'V', clap::ArgAction::Version, "help-flag-version"));
    }
    let subcommands: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in subcommands {
        path.push(name.clone());
        command = command.mut_subcommand(name, |sub| localize(sub, path));
        path.pop();
    }
    command
}

/// One of clap's own flags (`--help`, `--version`), described in the language printed.
fn flag(name: &'static str, short: char, action: clap::ArgAction, id: &str) -> clap::Arg {
    clap::Arg::new(name)
        .short(short)
        .long(name)
        .action(action)
        .help(text(id))
        .help_heading(word("help-heading-options"))
}
