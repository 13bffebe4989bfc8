//! The MiniZinc data subset: `name = value;` where a value is an int, a set of ints, a 1-D array
//! of ints or sets, or a 2-D int array `[| … | … |]`. Nothing nests deeper than a set inside an
//! array, so the parser needs no recursion and hostile nesting cannot overflow the stack.

use crate::error::{MAX_MEETINGS, ParseError};

/// A source position (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Int(i64),
    Sym(char),
}

/// One element of a 1-D array.
#[derive(Debug, Clone)]
pub enum Elem {
    Int(i64),
    Set(Vec<i64>),
}

#[derive(Debug, Clone)]
pub enum Value {
    Int(i64),
    Array(Vec<(Elem, Pos)>),
    Array2(Vec<(Vec<i64>, Pos)>),
}

/// A statement `name = value;`.
#[derive(Debug, Clone)]
pub struct Item {
    pub name: String,
    pub pos: Pos,
    pub value: Value,
}

/// No array may have more elements than this (the largest legal one is `requested` or `fixed`).
const MAX_ELEMS: usize = MAX_MEETINGS + 1;

fn lex(text: &str) -> Result<Vec<(Tok, Pos)>, ParseError> {
    let mut toks = Vec::new();
    let bytes = text.as_bytes();
    let (mut i, mut line, mut col) = (0usize, 1u32, 1u32);
    while i < bytes.len() {
        let c = bytes[i];
        let pos = Pos { line, column: col };
        if c == b'\n' {
            i += 1;
            line += 1;
            col = 1;
        } else if c.is_ascii_whitespace() {
            i += 1;
            col += 1;
        } else if c == b'%' {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if c.is_ascii_digit()
            || (c == b'-' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let s = &text[start..i];
            let n = s
                .parse::<i64>()
                .map_err(|_| ParseError::at(line, col, format!("number {s} is too large")))?;
            col += (i - start) as u32;
            toks.push((Tok::Int(n), pos));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            col += (i - start) as u32;
            toks.push((Tok::Ident(text[start..i].to_string()), pos));
        } else if b"=;[]{},|".contains(&c) {
            i += 1;
            col += 1;
            toks.push((Tok::Sym(c as char), pos));
        } else {
            let shown = text[i..].chars().next().unwrap_or('?');
            return Err(ParseError::at(
                line,
                col,
                format!("unexpected character {shown:?}"),
            ));
        }
    }
    Ok(toks)
}

struct Parser {
    toks: Vec<(Tok, Pos)>,
    at: usize,
    end: Pos,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|t| &t.0)
    }

    fn pos(&self) -> Pos {
        self.toks.get(self.at).map_or(self.end, |t| t.1)
    }

    fn err(&self, msg: impl Into<String>) -> ParseError {
        let p = self.pos();
        let msg = msg.into();
        let msg = if self.at >= self.toks.len() {
            format!("{msg} (the file ends here)")
        } else {
            msg
        };
        ParseError::at(p.line, p.column, msg)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).map(|t| t.0.clone());
        self.at += 1;
        t
    }

    fn expect(&mut self, c: char) -> Result<(), ParseError> {
        if self.peek() == Some(&Tok::Sym(c)) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.err(format!("expected '{c}'")))
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Sym(c)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn int(&mut self) -> Result<i64, ParseError> {
        match self.peek() {
            Some(Tok::Int(n)) => {
                let n = *n;
                self.at += 1;
                Ok(n)
            }
            _ => Err(self.err("expected an integer")),
        }
    }

    /// `{` ints `}` with the opening brace already seen.
    fn set_body(&mut self) -> Result<Vec<i64>, ParseError> {
        let mut out = Vec::new();
        loop {
            if self.eat('}') {
                return Ok(out);
            }
            out.push(self.int()?);
            if out.len() > MAX_ELEMS {
                return Err(self.err("set too large"));
            }
            if !self.eat(',') && self.peek() != Some(&Tok::Sym('}')) {
                return Err(self.err("expected ',' or '}' in a set"));
            }
        }
    }

    /// `[|` rows `|]` with `[|` already seen. Rows end at `|`; trailing commas are allowed.
    fn array2_body(&mut self) -> Result<Vec<(Vec<i64>, Pos)>, ParseError> {
        let mut rows = Vec::new();
        loop {
            if self.eat(']') {
                return Ok(rows);
            }
            let pos = self.pos();
            let mut row = Vec::new();
            while !self.eat('|') {
                row.push(self.int()?);
                if !self.eat(',') && self.peek() != Some(&Tok::Sym('|')) {
                    return Err(self.err("expected ',' or '|' in a 2-D array row"));
                }
            }
            if row.is_empty() {
                return Err(ParseError::at(
                    pos.line,
                    pos.column,
                    "empty row in a 2-D array",
                ));
            }
            rows.push((row, pos));
            if rows.len() > MAX_ELEMS {
                return Err(self.err("too many rows"));
            }
        }
    }

    fn array_body(&mut self) -> Result<Vec<(Elem, Pos)>, ParseError> {
        let mut out = Vec::new();
        loop {
            if self.eat(']') {
                return Ok(out);
            }
            let pos = self.pos();
            let e = if self.eat('{') {
                Elem::Set(self.set_body()?)
            } else {
                Elem::Int(self.int()?)
            };
            out.push((e, pos));
            if out.len() > MAX_ELEMS {
                return Err(self.err("array too large"));
            }
            if !self.eat(',') && self.peek() != Some(&Tok::Sym(']')) {
                return Err(self.err("expected ',' or ']' in an array"));
            }
        }
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        match self.next() {
            Some(Tok::Int(n)) => Ok(Value::Int(n)),
            Some(Tok::Sym('[')) => {
                if self.eat('|') {
                    Ok(Value::Array2(self.array2_body()?))
                } else {
                    Ok(Value::Array(self.array_body()?))
                }
            }
            _ => {
                self.at -= 1;
                Err(self.err("expected a value (integer, set or array)"))
            }
        }
    }
}

/// Parses the statements of a `.dzn` file, without interpreting them.
pub fn parse_items(text: &str) -> Result<Vec<Item>, ParseError> {
    let toks = lex(text)?;
    let end = toks.last().map_or(Pos { line: 1, column: 1 }, |t| t.1);
    let mut p = Parser { toks, at: 0, end };
    let mut items = Vec::new();
    while p.peek().is_some() {
        let pos = p.pos();
        let name = match p.next() {
            Some(Tok::Ident(n)) => n,
            _ => {
                p.at -= 1;
                return Err(p.err("expected a name at the start of a statement"));
            }
        };
        p.expect('=')?;
        let value = p.value().map_err(|e| e.with_field(name.clone()))?;
        p.expect(';').map_err(|e| e.with_field(name.clone()))?;
        items.push(Item { name, pos, value });
    }
    Ok(items)
}
