-- The daily expiry sweep (io.moeen.pharmacy.alerts): every batch holding stock that has come within
-- inventory.expiry_warning_days of $1 (the clinic's date) is told once (inventory_expiry_sweep).

-- name: sweep
SELECT inventory_expiry_sweep($1, NULL) AS told;
