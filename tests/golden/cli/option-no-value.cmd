run --format
