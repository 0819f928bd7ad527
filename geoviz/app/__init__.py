"""The Streamlit app's logic: the only package that imports streamlit (the page itself is ``app.py``)."""
