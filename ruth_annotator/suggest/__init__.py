"""Suggestions of quotes, cues, speakers and entities, and their evaluation. No Qt."""
