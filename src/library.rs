//! The protocol library: the bundled dictionary, drug catalogue and every released
//! protocol version, embedded in the binary, plus protocols a site adds from a folder.
//! Parsing is here; reading a site folder from disk is the caller's business (the CLI,
//! the app), which passes the file contents in.

pub mod site;
pub mod vocabulary_pin;

use crate::engine::compile::{CompiledProtocol, ProtocolErrors, compile};
use crate::engine::knowledge::{Knowledge, KnowledgeError};
use crate::model::dictionary::Dictionary;
use crate::model::drugs::DrugCatalogue;
use crate::model::protocol::Protocol;

/// The bundled data dictionary.
pub const BUNDLED_DICTIONARY: &str = include_str!("../data/dictionary.ron");
/// The bundled drug catalogue.
pub const BUNDLED_DRUGS: &str = include_str!("../data/drugs.ron");
/// Every released version of every bundled protocol: (file name, content). A new version
/// is a new file; released files are never edited (sessions pin them by SHA-256), so a
/// session keeps its version's rules. What the engine does with rules — exact comparisons,
/// dated evidence, tests read together — improves for every version (see ARCHITECTURE.md).
pub const BUNDLED_PROTOCOLS: &[(&str, &str)] = &[
    ("refractory-sle-age5.v1.ron", include_str!("../data/protocols/refractory-sle-age5.v1.ron")),
    ("refractory-sle-age5.v2.ron", include_str!("../data/protocols/refractory-sle-age5.v2.ron")),
    ("refractory-autoimmune-5cohort.v1.ron", include_str!("../data/protocols/refractory-autoimmune-5cohort.v1.ron")),
    ("refractory-autoimmune-5cohort.v2.ron", include_str!("../data/protocols/refractory-autoimmune-5cohort.v2.ron")),
    ("huc-msc-sle.v1.ron", include_str!("../data/protocols/huc-msc-sle.v1.ron")),
    ("huc-msc-sle.v2.ron", include_str!("../data/protocols/huc-msc-sle.v2.ron")),
];

/// The bundled protocols' translations (titles, interpretations, judgment questions; never a
/// source text), each beside the protocol version it translates and outside its pinned hash.
pub const BUNDLED_TRANSLATIONS: &[(&str, &str)] = &[
    ("refractory-sle-age5.v1.zh-CN.ron", include_str!("../data/i18n/zh-CN/protocols/refractory-sle-age5.v1.zh-CN.ron")),
    ("refractory-sle-age5.v2.zh-CN.ron", include_str!("../data/i18n/zh-CN/protocols/refractory-sle-age5.v2.zh-CN.ron")),
    (
        "refractory-autoimmune-5cohort.v1.zh-CN.ron",
        include_str!("../data/i18n/zh-CN/protocols/refractory-autoimmune-5cohort.v1.zh-CN.ron"),
    ),
    (
        "refractory-autoimmune-5cohort.v2.zh-CN.ron",
        include_str!("../data/i18n/zh-CN/protocols/refractory-autoimmune-5cohort.v2.zh-CN.ron"),
    ),
    ("huc-msc-sle.v1.zh-CN.ron", include_str!("../data/i18n/zh-CN/protocols/huc-msc-sle.v1.zh-CN.ron")),
    ("huc-msc-sle.v2.zh-CN.ron", include_str!("../data/i18n/zh-CN/protocols/huc-msc-sle.v2.zh-CN.ron")),
];

/// The bundled dictionary's and catalogue's words in Simplified Chinese.
pub const BUNDLED_VOCABULARY_ZH_CN: (&str, &str) =
    (include_str!("../data/i18n/zh-CN/dictionary.ron"), include_str!("../data/i18n/zh-CN/drugs.ron"));

pub use crate::session::templates::BUNDLED_EXAMPLES;

/// An example's description: its first line when that is a comment ("V1: eligible adolescent
/// (seed 000). Expected: ELIGIBLE."), else its file name.
pub fn example_description<'a>(file_name: &'a str, text: &'a str) -> &'a str {
    text.lines().next().and_then(|line| line.strip_prefix("//")).map_or(file_name, str::trim)
}

/// The bundled examples' descriptions in Simplified Chinese, by file name.
pub const BUNDLED_EXAMPLE_WORDS_ZH_CN: &str = include_str!("../data/i18n/zh-CN/examples.ron");

/// An example's description in the reader's language: its translation where the language has
/// one, else [`example_description`].
pub fn example_description_shown<'a>(file_name: &'a str, text: &'a str) -> std::borrow::Cow<'a, str> {
    static ZH_CN: std::sync::OnceLock<std::collections::BTreeMap<String, String>> = std::sync::OnceLock::new();
    if crate::i18n::language() == crate::i18n::Language::ZhCn {
        let words = ZH_CN.get_or_init(|| ron::from_str(BUNDLED_EXAMPLE_WORDS_ZH_CN).unwrap_or_default());
        if let Some(description) = words.get(file_name) {
            return std::borrow::Cow::Owned(description.clone());
        }
    }
    std::borrow::Cow::Borrowed(example_description(file_name, text))
}

/// Largest data file accepted (protocol, dictionary, catalogue).
pub const MAX_DATA_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Where a protocol came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProtocolSource {
    /// Embedded in the binary (a released version).
    Bundled,
    /// A site protocol, with the path it was read from.
    Site(String),
}

/// One protocol version, compiled, with the hash of the exact text it was read from.
#[derive(Clone, Debug)]
pub struct LoadedProtocol {
    /// The protocol, compiled against the library's dictionary and catalogue.
    pub compiled: CompiledProtocol,
    /// SHA-256 of the file content, lowercase hex.
    pub sha256: String,
    /// SHA-256 of the meaning of the vocabulary it uses ([`vocabulary_pin`]), hex: what a
    /// session pins beside `sha256`.
    pub vocabulary_sha256: String,
    /// Whether it is bundled or a site's, and from where.
    pub origin: ProtocolSource,
    /// The file name it was read from ("huc-msc-sle.v2.ron").
    pub file_name: String,
    /// Its words in other languages, each checked to fit this version.
    pub translations: Vec<crate::model::protocol_translation::ProtocolTranslation>,
}

impl LoadedProtocol {
    /// Its words in a language, when translated (`None` for English, the protocols' own).
    pub fn translation(
        &self,
        language: crate::i18n::Language,
    ) -> Option<&crate::model::protocol_translation::ProtocolTranslation> {
        self.translations.iter().find(|translation| translation.language == language.tag())
    }

    /// Its title in the reader's language (its own where not translated).
    pub fn title(&self) -> &str {
        self.translation(crate::i18n::language()).map_or(self.compiled.protocol.title.as_str(), |t| t.title.as_str())
    }

    /// A cohort's label in the reader's language (its own where not translated); `None` for
    /// a cohort the protocol does not have.
    pub fn cohort_label(&self, cohort: &str) -> Option<&str> {
        let own = self.compiled.protocol.cohorts.iter().find(|c| c.id == cohort)?;
        let translated = self.translation(crate::i18n::language()).and_then(|t| t.cohorts.get(cohort));
        Some(translated.map_or(own.label.as_str(), String::as_str))
    }
}

/// A problem loading data, naming the file and, for a syntax error, line and column.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The file is not valid RON for its type.
    #[error("{}", crate::i18n::text_with("error-library-syntax", &[("file", file.to_string()), ("line", line.to_string()), ("column", column.to_string()), ("message", message.to_string())]))]
    Syntax {
        /// The file's name.
        file: String,
        /// The line (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// The parser's description of the problem.
        message: String,
    },
    /// The file is larger than [`MAX_DATA_FILE_BYTES`]; it is not parsed.
    #[error("{}", crate::i18n::text_with("error-library-too-large", &[("file", file.to_string()), ("size", size.to_string()), ("max", max.to_string())]))]
    TooLarge {
        /// The file's name.
        file: String,
        /// Its size in bytes.
        size: usize,
        /// The largest size accepted.
        max: usize,
    },
    /// A site vocabulary file redefines a bundled name or is otherwise refused.
    #[error("{}", crate::i18n::text_with("error-library-site", &[("file", file.to_string()), ("line", line.to_string()), ("column", column.to_string()), ("message", message.to_string())]))]
    Site {
        /// The site file's name.
        file: String,
        /// The line (1-based) where the problem is.
        line: usize,
        /// The column (1-based) on that line.
        column: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// The dictionary or catalogue is inconsistent.
    #[error("{}", crate::i18n::text_with("error-library-knowledge", &[("file", file.to_string()), ("error", error.to_string())]))]
    Knowledge {
        /// The file or files concerned.
        file: String,
        /// What is inconsistent.
        error: KnowledgeError,
    },
    /// A protocol does not compile against the dictionary and catalogue.
    #[error("{}", protocol_problems(file, error, located))]
    Protocol {
        /// The protocol file's name.
        file: String,
        /// Every problem found in it.
        error: ProtocolErrors,
        /// Where each problem is in the file (line, column; 1-based), in the same order.
        located: Vec<(usize, usize)>,
    },
    /// A protocol version is already loaded from another file.
    #[error("{}", crate::i18n::text_with("error-library-duplicate-version", &[("file", file.to_string()), ("id", id.to_string()), ("version", version.to_string()), ("other", other.to_string())]))]
    DuplicateVersion {
        /// The file being added.
        file: String,
        /// The protocol's id.
        id: String,
        /// The version both files state.
        version: u32,
        /// The file it was first loaded from.
        other: String,
    },
}

/// A protocol's problems: a heading, then each problem on its own indented line with where it is.
fn protocol_problems(file: &str, error: &ProtocolErrors, located: &[(usize, usize)]) -> String {
    use crate::i18n::text_with;
    let heading = text_with(
        "error-library-protocol-problems",
        &[
            ("file", file.to_owned()),
            ("protocol", error.protocol.to_string()),
            ("count", error.problems.len().to_string()),
        ],
    );
    let lines = located.iter().zip(&error.problems).map(|((line, column), problem)| {
        let at = text_with(
            "error-library-problem-at",
            &[("line", line.to_string()), ("column", column.to_string()), ("problem", problem.to_string())],
        );
        format!("\n  {at}")
    });
    std::iter::once(heading).chain(lines).collect()
}

/// All loaded knowledge and protocols.
#[derive(Clone, Debug)]
pub struct Library {
    /// The data dictionary and drug catalogue, indexed.
    pub knowledge: Knowledge,
    protocols: Vec<LoadedProtocol>,
    /// Site protocol files that did not load, with why: shown in the window's Protocols
    /// view and warned of by every command; the other protocols load regardless.
    pub site_problems: Vec<SiteProblem>,
    /// The site vocabulary files (units, dictionary, drugs) added to the bundled vocabulary.
    pub site_vocabulary: Vec<String>,
}

/// A site protocol file that did not load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteProblem {
    /// The file's path.
    pub file: String,
    /// Why it did not load, with line and column where known.
    pub message: String,
}

impl SiteProblem {
    /// Where the problem is (the file, with `:line:column` when the message gives them) and
    /// why, so the file is named once: a parse error's message already starts with the path
    /// ("PATH:4:1: missing field"), a protocol's problems with "PATH: protocol … has 1
    /// problem(s)".
    pub fn located(&self) -> (String, &str) {
        let whole = (self.file.clone(), self.message.as_str());
        let Some(rest) = self.message.strip_prefix(self.file.as_str()) else { return whole };
        // Up to two ":digits" (line, column) follow the path, then ": " and the reason.
        let mut position_len = 0;
        let mut remaining = rest;
        for _ in 0..2 {
            let Some(after) = remaining.strip_prefix(':') else { break };
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            let Some(tail) = after.get(digits..).filter(|_| digits > 0) else { break };
            position_len += 1 + digits;
            remaining = tail;
        }
        match (remaining.strip_prefix(':'), rest.get(..position_len)) {
            (Some(reason), Some(position)) => (format!("{}{position}", self.file), reason.trim_start()),
            _ => whole,
        }
    }
}

pub use crate::session::hashing::sha256_hex;

/// Parses RON with ron's default recursion limit, reporting line and column.
pub fn parse_ron<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_DATA_FILE_BYTES {
        return Err(LoadError::TooLarge { file: file.to_owned(), size: text.len(), max: MAX_DATA_FILE_BYTES });
    }
    ron::Options::default().from_str(text).map_err(|error| LoadError::Syntax {
        file: file.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    })
}

impl Library {
    /// The bundled dictionary, catalogue and protocols. An error here is a defect of the
    /// build (the test suite loads the bundle), reported rather than panicking.
    pub fn bundled() -> Result<Self, LoadError> {
        Self::bundled_with_site(site::SiteVocabulary::default())
    }

    /// The bundled data with a site's additions to the dictionary and the catalogue
    /// ([`site`]): the bundled protocols are compiled against the whole vocabulary, and site
    /// protocols added later may use the site's names.
    pub fn bundled_with_site(vocabulary: site::SiteVocabulary<'_>) -> Result<Self, LoadError> {
        let site::SiteVocabulary { dictionary: dictionary_file, drugs: drugs_file, units: units_file } = vocabulary;
        // Units first: the dictionary's items and every later file name units.
        if let Some(file) = units_file {
            site::register_units(file)?;
        }
        let mut dictionary: Dictionary = parse_ron(site::BUNDLED_DICTIONARY_FILE, BUNDLED_DICTIONARY)?;
        let mut catalogue: DrugCatalogue = parse_ron(site::BUNDLED_DRUGS_FILE, BUNDLED_DRUGS)?;
        let mut files = vec![site::BUNDLED_DICTIONARY_FILE.to_owned(), site::BUNDLED_DRUGS_FILE.to_owned()];
        files.extend(units_file.map(|file| file.name.to_owned()));
        if let Some(file) = dictionary_file {
            dictionary = site::extend_dictionary(dictionary, file)?;
            files.push(file.name.to_owned());
        }
        if let Some(file) = drugs_file {
            catalogue = site::extend_catalogue(catalogue, file)?;
            files.push(file.name.to_owned());
        }
        let sections: Vec<String> = dictionary.sections.iter().map(|s| s.id.clone()).collect();
        let classes: Vec<String> = catalogue.classes.iter().map(|c| c.id.clone()).collect();
        let test_kinds: Vec<String> = dictionary.test_kinds.iter().map(|k| k.id.clone()).collect();
        let knowledge = Knowledge::new(dictionary, catalogue).map_err(|error| {
            // A name a site file wrote that the vocabulary lacks: its place, and a near name.
            let (wrong, names) = match &error {
                KnowledgeError::UnknownSection { section, .. } => (Some(section.as_str()), sections.as_slice()),
                KnowledgeError::UnknownClass { class, .. } => (Some(class.as_str()), classes.as_slice()),
                KnowledgeError::UnknownTestKind { kind, .. } => (Some(kind.as_str()), test_kinds.as_slice()),
                _ => (None, &[][..]),
            };
            let site_file = wrong.and_then(|wrong| {
                [dictionary_file, drugs_file]
                    .into_iter()
                    .flatten()
                    .find(|file| file.text.contains(&format!("\"{wrong}\"")))
            });
            match (wrong, site_file) {
                (Some(wrong), Some(file)) => {
                    let (line, column) = crate::session::load::locate_quoted(file.text, wrong);
                    let hint = crate::model::words::did_you_mean(wrong, names.iter().map(String::as_str));
                    LoadError::Site { file: file.name.to_owned(), line, column, message: format!("{error}{hint}") }
                }
                _ => LoadError::Knowledge { file: files.join(", "), error },
            }
        })?;
        let mut knowledge = knowledge;
        let (dictionary_words, drugs_words) = BUNDLED_VOCABULARY_ZH_CN;
        knowledge.translate(
            crate::i18n::Language::ZhCn,
            &parse_ron("data/i18n/zh-CN/dictionary.ron", dictionary_words)?,
            &parse_ron("data/i18n/zh-CN/drugs.ron", drugs_words)?,
        );
        let site_vocabulary =
            [units_file, dictionary_file, drugs_file].into_iter().flatten().map(|f| f.name.to_owned()).collect();
        let mut library = Self { knowledge, protocols: Vec::new(), site_problems: Vec::new(), site_vocabulary };
        for (file_name, text) in BUNDLED_PROTOCOLS {
            library.add_protocol(file_name, text, ProtocolSource::Bundled)?;
        }
        for (file_name, text) in BUNDLED_TRANSLATIONS {
            let translation: crate::model::protocol_translation::ProtocolTranslation = parse_ron(file_name, text)?;
            // A translation that does not fit its version is never shown (the suite checks
            // every bundled one fits).
            if let Some(loaded) = library.protocols.iter_mut().find(|p| {
                p.compiled.protocol.id == translation.protocol && p.compiled.protocol.version == translation.version
            }) && translation.problems(&loaded.compiled.protocol).is_empty()
            {
                loaded.translations.push(translation);
            }
        }
        Ok(library)
    }

    /// Parses, compiles and adds one protocol file's content.
    /// A byte-order mark is not content: it is dropped before parsing and hashing, so an
    /// editor adding one does not make the protocol "changed".
    pub fn add_protocol(
        &mut self,
        file_name: &str,
        text: &str,
        origin: ProtocolSource,
    ) -> Result<&LoadedProtocol, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let protocol = parse_protocol(file_name, text)?;
        let compiled = compile(&protocol, &self.knowledge).map_err(|error| {
            let located = error.problems.iter().map(|problem| locate_problem(text, problem)).collect();
            LoadError::Protocol { file: file_name.to_owned(), error, located }
        })?;
        if let Some(other) = self.get(&protocol.id, protocol.version) {
            return Err(LoadError::DuplicateVersion {
                file: file_name.to_owned(),
                id: protocol.id.clone(),
                version: protocol.version,
                other: other.file_name.clone(),
            });
        }
        let vocabulary_sha256 = vocabulary_pin::vocabulary_sha256(&self.knowledge, &protocol);
        self.protocols.push(LoadedProtocol {
            compiled,
            sha256: sha256_hex(text),
            vocabulary_sha256,
            origin,
            file_name: file_name.to_owned(),
            translations: Vec::new(),
        });
        self.protocols.sort_by(|a, b| {
            (&a.compiled.protocol.id, a.compiled.protocol.version)
                .cmp(&(&b.compiled.protocol.id, b.compiled.protocol.version))
        });
        let index = self
            .protocols
            .iter()
            .position(|p| p.compiled.protocol.id == protocol.id && p.compiled.protocol.version == protocol.version);
        match index.and_then(|i| self.protocols.get(i)) {
            Some(loaded) => Ok(loaded),
            None => Err(LoadError::DuplicateVersion {
                file: file_name.to_owned(),
                id: protocol.id,
                version: protocol.version,
                other: String::new(),
            }),
        }
    }

    /// A protocol version.
    pub fn get(&self, id: &str, version: u32) -> Option<&LoadedProtocol> {
        self.protocols.iter().find(|p| p.compiled.protocol.id == id && p.compiled.protocol.version == version)
    }

    /// The newest version of a protocol.
    pub fn latest(&self, id: &str) -> Option<&LoadedProtocol> {
        self.protocols.iter().filter(|p| p.compiled.protocol.id == id).max_by_key(|p| p.compiled.protocol.version)
    }

    /// Every loaded protocol version, by id then version.
    pub fn protocols(&self) -> &[LoadedProtocol] {
        &self.protocols
    }
}

/// Where a compile problem is in the protocol's text: the name at fault within its
/// criterion's block, else the criterion's id, else the start of the file.
fn locate_problem(text: &str, problem: &crate::engine::compile::ProtocolError) -> (usize, usize) {
    let (criterion, name) = problem.place();
    let block =
        criterion.and_then(|id| text.find(&format!("id: \"{id}\"")).or_else(|| text.find(&format!("\"{id}\""))));
    let start = block.unwrap_or(0);
    let rest = text.get(start..).unwrap_or("");
    // Within the criterion's block: up to the next criterion's id.
    let end = rest.get(1..).and_then(|after| after.find("id: \"")).map_or(rest.len(), |next| next + 1);
    let offset = name
        .and_then(|name| rest.get(..end).and_then(|block| block.find(&format!("\"{name}\""))))
        .map_or(block, |within| Some(start + within));
    match offset {
        Some(offset) => crate::session::load::line_column_at(text, offset),
        None => (1, 1),
    }
}

/// Parses a protocol file without compiling it.
pub fn parse_protocol(file_name: &str, text: &str) -> Result<Protocol, LoadError> {
    parse_ron(file_name, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_problem_names_its_file_once() {
        let problem = |message: &str| SiteProblem { file: "/s/p/bad.ron".into(), message: message.into() };
        let syntax = problem("/s/p/bad.ron:4:1: Unexpected missing field named `title`");
        assert_eq!(syntax.located(), ("/s/p/bad.ron:4:1".to_owned(), "Unexpected missing field named `title`"));
        let compiled = problem("/s/p/bad.ron: protocol x has 1 problem(s):\n  line 3, column 2: …");
        assert_eq!(
            compiled.located(),
            ("/s/p/bad.ron".to_owned(), "protocol x has 1 problem(s):\n  line 3, column 2: …")
        );
        // A message that does not start with the path keeps both.
        let other = problem("not a regular file (a FIFO)");
        assert_eq!(other.located(), ("/s/p/bad.ron".to_owned(), "not a regular file (a FIFO)"));
        // A path that only begins another name is not taken for it.
        let longer = problem("/s/p/bad.ron.bak: something");
        assert_eq!(longer.located(), ("/s/p/bad.ron".to_owned(), "/s/p/bad.ron.bak: something"));
    }

    #[test]
    fn every_example_file_is_bundled_and_described() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".ron"))
            .collect();
        on_disk.sort();
        let bundled: Vec<String> = BUNDLED_EXAMPLES.iter().map(|(name, _)| (*name).to_owned()).collect();
        assert_eq!(bundled, on_disk, "list every file of data/examples in BUNDLED_EXAMPLES");
        let (name, text) = BUNDLED_EXAMPLES[0];
        assert_eq!(example_description(name, text), "V1: eligible adolescent (seed 000). Expected: ELIGIBLE.");
        assert_eq!(example_description("x.ron", "(format_version: 1)"), "x.ron");
    }

    #[test]
    fn every_bundled_example_is_described_in_chinese() {
        let words: std::collections::BTreeMap<String, String> =
            ron::from_str(BUNDLED_EXAMPLE_WORDS_ZH_CN).expect("the Chinese descriptions parse");
        let bundled: std::collections::BTreeSet<&str> = BUNDLED_EXAMPLES.iter().map(|(name, _)| *name).collect();
        let described: std::collections::BTreeSet<&str> = words.keys().map(String::as_str).collect();
        assert_eq!(described, bundled, "one description per bundled example, no other");
        crate::i18n::set_thread_language(crate::i18n::Language::ZhCn);
        let (name, text) = BUNDLED_EXAMPLES.first().copied().unwrap_or(("", ""));
        let shown = example_description_shown(name, text).into_owned();
        crate::i18n::set_thread_language(crate::i18n::Language::En);
        assert_eq!(shown, "V1：符合条件的青少年（种子方案000）。预期：合格。");
        assert_eq!(example_description_shown(name, text), example_description(name, text));
    }
}
