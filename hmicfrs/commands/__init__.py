"""Command groups kept in their own modules; hmicfrs/cli.py registers each with main.add_command."""
