"""The Zuid-Holland (or any NUTS-2) regional model: scenarios, energy-transition stock-flow model, regional EI."""
