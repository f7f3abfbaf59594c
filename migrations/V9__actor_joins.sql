-- dipkb schema, version 9: a person named by surname alone in one article and joined to a
-- full-named person of other articles is recorded, with the reason, and can be refused (issue #11).
--
-- "Secretary Austin" in an article that never gives his first name is Lloyd Austin when Lloyd
-- Austin is the one stored person of that surname whose titles fit ("Secretary of Defense"),
-- even though another Austin (Austin Tice) is known. Each such join is a row here; `dipkb actor
-- unjoin` marks it refused, and a refused join is not made again.

CREATE TABLE actor_joins ( -- surnames alone joined to a full-named person across articles by the fit of titles, affiliations and dates, and the joins users refused
    id INTEGER PRIMARY KEY,
    surname TEXT NOT NULL, -- the name as articles wrote it alone ("Austin")
    surname_key TEXT NOT NULL, -- `surname` folded for lookup: lower case, without dots or diacritics
    person_id INTEGER REFERENCES actors (id) ON DELETE SET NULL, -- the person it was joined to
    person TEXT NOT NULL, -- that person's name when the join was made ("Lloyd Austin")
    reason TEXT NOT NULL, -- why: the titles that fit, and the other persons of the surname that did not
    refused INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1)), -- 1 once a user said the two are not one (`dipkb actor unjoin`): the join is not made again
    UNIQUE (surname_key, person)
);

CREATE INDEX idx_actor_joins_person_id ON actor_joins ( -- Merging two persons moves the joins of the one merged away.
    person_id
);
