//! Generated prose for the benchmarks: a small word list and a
//! deterministic generator, so every run writes the same text.

#![allow(dead_code)] // each bench uses its own part

pub const WORDS: &[&str] = &[
    "council",
    "budget",
    "the",
    "vote",
    "ferry",
    "harbour",
    "residents",
    "said",
    "would",
    "plan",
    "on",
    "of",
    "a",
    "to",
    "and",
    "in",
    "mayor",
    "review",
    "figures",
    "school",
    "road",
    "new",
    "week",
    "month",
    "year",
    "public",
    "meeting",
    "report",
    "service",
    "cost",
    "water",
    "city",
];

/// A small deterministic generator, so every run writes the same way.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn sentence(&mut self) -> String {
        let n = 8 + self.below(18);
        let mut words: Vec<&str> = (0..n).map(|_| WORDS[self.below(WORDS.len())]).collect();
        let first = words[0].to_string();
        let cap = first[..1].to_uppercase() + &first[1..];
        words[0] = &cap;
        format!("{}.", words.join(" "))
    }
}

impl Lcg {
    /// `n` words from the list, space-separated.
    pub fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[self.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}
