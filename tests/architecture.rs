//! The shape of `src/`: modules depend on each other in one direction only
//! (no cycle, the crate root included), and no source file is longer than
//! [`MAX_LINES`].
//!
//! A module is a top-level file `src/x.rs` with its folder `src/x/`; the crate
//! root `src/lib.rs` declares (and so depends on) every module. A dependency
//! is a `crate::x` path in code (comments are not read): `use crate::x::Y;`,
//! `use crate::{x, y::Z};`, `crate::x::f(…)`. A `crate::f` that names no
//! module is an item of the crate root. `wasm.rs` (the page's binding) sits
//! above the root: it uses the root's re-exports, and the root only declares
//! it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 800;
const ROOT: &str = "lib";

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, recursively, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    #[allow(clippy::disallowed_methods)] // test code: the std sort is fine outside src/
    out.sort();
    out
}

/// The module a file of the library belongs to (`src/dates/scanner.rs` →
/// "dates"), or None for files outside the library (`src/bin/`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    if first == "bin" {
        return None;
    }
    Some(first.strip_suffix(".rs").unwrap_or(&first).to_string())
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first path segment of each path in a `use` group body: "x, y::Z,
/// z::{A, B}" → [x, y, z].
fn group_heads(body: &str) -> Vec<String> {
    let (mut depth, mut heads, mut start) = (0, Vec::new(), 0);
    for (i, c) in body.char_indices().chain(std::iter::once((body.len(), ','))) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                let head: String = body[start..i].trim().chars().take_while(|&c| is_ident(c)).collect();
                if !head.is_empty() {
                    heads.push(head);
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    heads
}

/// The names after `crate::` in the code of `source` (line comments skipped).
fn crate_paths(source: &str) -> Vec<String> {
    let code: String = source
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        let before_ok = !matches!(rest[..i].chars().next_back(), Some(c) if is_ident(c));
        rest = &rest[i + "crate::".len()..];
        if !before_ok {
            continue;
        }
        if let Some(body) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = body
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(body.len(), |(j, _)| j);
            out.extend(group_heads(&body[..end]));
        } else {
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// module → the modules it uses.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let files = rust_files(&src());
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(file) else { continue };
        let source = fs::read_to_string(file).expect("source file");
        let deps = graph.entry(from.clone()).or_default();
        if from == ROOT {
            // The root declares every module; `wasm` sits above it (see the top).
            deps.extend(modules.iter().filter(|m| m.as_str() != ROOT && m.as_str() != "wasm").cloned());
        }
        for name in crate_paths(&source) {
            let to = if modules.contains(&name) { name } else { ROOT.to_string() };
            if to != from {
                deps.insert(to);
            }
        }
    }
    graph
}

/// A cycle in `graph` as "a → b → a", if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<&'a str>,
        path: &mut Vec<&'a str>,
    ) -> Option<String> {
        if let Some(i) = path.iter().position(|&n| n == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node);
            return Some(cycle.join(" → "));
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, done, path) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn modules_depend_in_one_direction() {
    let graph = dependencies();
    assert!(graph.contains_key("dates") && graph.contains_key("references"), "the modules were found: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("modules of src/ depend on each other in a cycle: {cycle}\n{graph:#?}");
    }
}

#[test]
fn source_files_are_small() {
    let long: Vec<String> = rust_files(&src())
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).expect("source file").lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines; split them by concern: {long:#?}");
}

#[test]
fn the_checker_reads_paths_and_finds_cycles() {
    let source = "use crate::{a, b::C, d::{E, F}};\n// crate::commented\nlet x = crate::g::h(1); notcrate::i;\n";
    assert_eq!(crate_paths(source), ["a", "b", "d", "g"]);
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .iter()
        .map(|(f, t)| (f.to_string(), BTreeSet::from([t.to_string()])))
        .collect();
    assert_eq!(find_cycle(&graph).as_deref(), Some("a → b → c → a"));
    let mut acyclic = graph.clone();
    acyclic.remove("c");
    assert_eq!(find_cycle(&acyclic), None);
}
