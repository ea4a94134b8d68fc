-- Shopee takes attributes by id (product/add_item: attribute_list[].attribute_id), so the category
-- mapping's keys carry it ("origin_100037"; db/reference/marketplaces/shopee.ts). Databases made
-- before that keep the old key "origin", which the adapter now refuses as misconfigured: rename it,
-- keeping whatever value an admin set. Other marketplaces' mappings are untouched.
UPDATE marketplace_category_map
SET attributes = json_set(json_remove(attributes, '$.origin'), '$.origin_100037', json_extract(attributes, '$.origin'))
WHERE marketplace_id = (SELECT id FROM marketplaces WHERE code = 'shopee')
  AND json_type(attributes, '$.origin') IS NOT NULL
  AND json_type(attributes, '$.origin_100037') IS NULL;
