"""What the liaison team hands on: triage sheets and deadline calendars, made from triage rows."""
