// Replaced by the first connection class.
