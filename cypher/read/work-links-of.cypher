// What each work is part of (__PATTERN__ outgoing) or its parts (incoming): songs, albums, soundtracks, films.
UNWIND $slugs AS slug
MATCH (:Work {slug: slug})__PATTERN__(other:Work)
RETURN slug, type(l) AS type, properties(l) AS rel, properties(other) AS work
