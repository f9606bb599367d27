"""hmicfrs"""
