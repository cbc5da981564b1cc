//! Width, wrapping and sanitising helpers built on unicode-width and textwrap.
