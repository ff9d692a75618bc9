"""Knowledge the project bundles: gazetteer, titles, office holders, organisations."""
