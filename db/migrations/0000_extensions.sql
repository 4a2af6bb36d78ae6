-- pgvector must exist before the insights table uses its type and HNSW index.
CREATE EXTENSION IF NOT EXISTS vector;
