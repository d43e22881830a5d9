-- Scripts (Postman's pre-request and test scripts): the collection's and its folders'
-- scripts frozen with a batch's plan, and what a case's scripts printed and changed,
-- kept with its result (a resumed batch replays the changes).

ALTER TABLE batch_collections ADD COLUMN scripts TEXT;   -- InheritedScripts; NULL: none
ALTER TABLE results ADD COLUMN script TEXT;              -- ScriptRecord; NULL: no script ran
