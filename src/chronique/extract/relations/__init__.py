"""ROLE, PRODUCT_OF and PART_OF states with their evidence (component ``chronique_relations``)."""
