"""Fictional demo data: one account per role, and generated cases (`app.demo.loader`) covering
every kind of record, with invented names and real Balochistan districts."""
