"""Chinese: numerals, percentages and yuan amounts as written in news text."""
