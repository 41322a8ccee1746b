"""Badges: layouts as data, embedded fonts, QR codes and text fitting, rendered with reportlab."""
