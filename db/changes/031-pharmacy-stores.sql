--liquibase formatted sql

--changeset moeen:031-pharmacy-store-open splitStatements:false
-- A closed store (is_active false) takes no moves, whatever path writes one: the move locks its store's
-- row FOR KEY SHARE (as its foreign key does) and must find it open. Closing locks the row FOR UPDATE
-- before it checks that nothing is on hand, so a move and a close of one store are serialized: either
-- the move commits first and the close sees its stock (409), or the close commits first and the move
-- finds the store closed (check_violation on inventory_moves_store_open → 409 store_closed).
CREATE FUNCTION inventory_store_open() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM inventory_stores WHERE id = NEW.store_id AND is_active FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'store % is closed', NEW.store_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'inventory_moves_store_open', TABLE = 'inventory_moves';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER inventory_moves_store_open BEFORE INSERT ON inventory_moves
  FOR EACH ROW EXECUTE FUNCTION inventory_store_open();
