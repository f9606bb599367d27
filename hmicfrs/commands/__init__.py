"""The hmicfrs subcommands, one module per topic, each registered in hmicfrs/cli.py."""
