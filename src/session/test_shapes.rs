//! Values of every shape serde has that a session uses, for the tests that compare this
//! crate's RON writer and reader with ron's (`canonical_text`, `written_form`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct UnitStruct;

#[derive(Debug, Serialize, Deserialize)]
pub struct Newtype(pub String);

#[derive(Debug, Serialize, Deserialize)]
pub struct Pair(pub i64, pub f64);

#[derive(Debug, Serialize, Deserialize)]
pub enum Shape {
    Plain,
    Wrapped(Option<f32>),
    Two(u8, bool),
    Named { text: String, nested: Vec<Shape> },
    Unit(()),
}

/// Every shape, with text and numbers as given.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Everything {
    flag: bool,
    small: i8,
    wide: i16,
    int: i32,
    long: i64,
    byte: u8,
    short: u16,
    unsigned: u32,
    big: u64,
    single: f32,
    double: f64,
    text: String,
    nothing: Option<String>,
    something: Option<Option<i32>>,
    unit: (),
    unit_struct: UnitStruct,
    newtype: Newtype,
    pair: Pair,
    tuple: (u8, String, ()),
    list: Vec<Shape>,
    map: BTreeMap<String, Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    r#type: u8,
}

/// Every shape, with this text, float and integer in several places.
pub fn everything(text: String, double: f64, long: i64) -> Everything {
    Everything {
        flag: true,
        small: -8,
        wide: i16::MIN,
        int: -1,
        long,
        byte: 255,
        short: 0,
        unsigned: u32::MAX,
        big: u64::MAX,
        single: 0.1,
        double,
        text: text.clone(),
        nothing: None,
        something: Some(None),
        unit: (),
        unit_struct: UnitStruct,
        newtype: Newtype(text.clone()),
        pair: Pair(-3, -double),
        tuple: (1, text.clone(), ()),
        list: vec![
            Shape::Plain,
            Shape::Wrapped(Some(-0.0)),
            Shape::Wrapped(None),
            Shape::Two(7, false),
            Shape::Named { text: text.clone(), nested: vec![Shape::Plain, Shape::Unit(())] },
        ],
        map: BTreeMap::from([(text, vec![double, 1e300, 5e-324, -1.5e-7])]),
        skipped: None,
        r#type: 1,
    }
}

/// A value nested `levels` deep.
pub fn nested(levels: usize) -> Shape {
    let mut deep = Shape::Plain;
    for _ in 0..levels {
        deep = Shape::Named { text: "d".to_owned(), nested: vec![deep] };
    }
    deep
}
