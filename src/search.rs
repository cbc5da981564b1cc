//! Search: the query language, the index over the corpus, ranking and hits.
