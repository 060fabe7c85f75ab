"""Money amounts in units with ISO 4217 currencies (component ``chronique_money``)."""
