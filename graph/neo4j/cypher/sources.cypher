// name: sources
// description: Twin of sparql/sources.rq: one row per creator.
MATCH (src:SourceDocument)
WHERE src.title IS NOT NULL
UNWIND CASE WHEN src.creator IS NULL THEN [null] WHEN src.creator IS :: LIST<ANY> THEN src.creator
            ELSE [src.creator] END AS creator
RETURN CASE WHEN src.iri CONTAINS '/source/' THEN split(src.iri, '/source/')[1] ELSE '' END AS source,
       src.title AS title, src.publisher AS publisher, creator, toString(src.date) AS year,
       src.evidenceBasis AS basis, src.fileName AS file
