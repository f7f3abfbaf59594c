#!/usr/bin/env python3
"""Builds data/dictionaries/officeholders.csv from the team's reference file and the public record.

    python3 data/dictionaries/build/officeholders.py ../shared/data/officeholders.csv \
        > data/dictionaries/officeholders.csv

The input is ../shared/data/officeholders.csv (Wikidata, CC0, and the CIA World Factbook, public
domain; its README gives the sources). This script:

- keeps the heads of state and government, foreign ministers and heads of organisations of the
  states and organisations of states.csv and organisations.csv (sub-national and unrecognised
  entities and junior ministers are left out);
- names each person as the English Wikipedia title Wikidata links (the name English news uses),
  the Wikidata label kept as an alias; repairs the Factbook's names (prefixes of the office,
  upper-case surnames, letters its archive dropped) and writes a Factbook row under the Wikidata
  name of the same person where Wikidata has one;
- corrects the errors listed in CORRECTIONS and adds the rows of public_record.csv;
- gives each row the office its titles name (`office`: president, prime_minister, monarch, ...),
  which titles.csv's `office` column uses too;
- writes for each row the source it comes from, with any correction named after a semicolon.

Output columns: state (ISO 3166-1 alpha-3, or the organisation's name in organisations.csv), role
(HOS, HOG, HOS+HOG, FM, HOS_REP, HEAD), office, name, aliases (;-separated), wikidata (the
person's item), start, end (YYYY, YYYY-MM or YYYY-MM-DD; end empty while in office when the
source was checked), seen (for an open row: the last date a source saw the person in office),
source.
"""

import csv
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Entities of the reference file that are not states: organisations keep their dictionary name,
# the rest are left out.
ORGANISATIONS = {"(international)": None, "European Union": "European Union"}
ORG_OF_OFFICE = {
    "UN_SG": "United Nations",
    "UNGA_PRES": "UN General Assembly",
    "WTO_DG": "World Trade Organization",
}
OFFICE_OF_ROLE = {
    "UN_SG": "secretary_general",
    "UNGA_PRES": "president",
    "WTO_DG": "director_general",
    "HOS_REP": "governor_general",
    "FM": "foreign_minister",
}

# Positions that are not the office the row claims: junior ministers filed as foreign ministers.
JUNIOR = re.compile(
    r"Delegate|Minister of State \(|Minister of State in the|Minister of Planning", re.I
)

# Rows the public record contradicts: (state, role, name as in the input, start).
REMOVE = {
    # Minister for European Affairs then, not foreign minister (README of the reference file).
    ("FRA", "FM", "Catherine Colonna", "2005-06-02"): "Minister for European Affairs",
    # India's Foreign Secretaries (the senior civil servant), filed as foreign ministers.
    ("IND", "FM", "Subrahmanyam Jaishankar", "2015-01-29"): "Foreign Secretary",
    ("IND", "FM", "Lalit Mansingh", "1999-12-01"): "Foreign Secretary",
    ("IND", "FM", "Chokila Iyer", "2001-03-14"): "Foreign Secretary",
    ("IND", "FM", "Kanwal Sibal", "2002-07-01"): "Foreign Secretary",
    ("IND", "FM", "Shashank", "2003-11-19"): "Foreign Secretary",
    ("IND", "FM", "Shyam Saran", "2004-07-31"): "Foreign Secretary",
    ("IND", "FM", "Shivshankar Menon", "2006-09-01"): "Foreign Secretary",
    ("IND", "FM", "Nirupama Rao", "2009-08-01"): "Foreign Secretary",
    ("IND", "FM", "Ranjan Mathai", "2011-08-01"): "Foreign Secretary",
    ("IND", "FM", "Sujatha Singh", "2013-08-01"): "Foreign Secretary",
    ("IND", "FM", "Vijay Keshav Gokhale", "2018-01-29"): "Foreign Secretary",
    ("IND", "FM", "Harsh Vardhan Shringla", "2020-01-29"): "Foreign Secretary",
    ("IND", "FM", "Vinay Mohan Kwarta", "2022-05-01"): "Foreign Secretary",
    # Pakistan's Foreign Secretary 2002-2005.
    ("PAK", "FM", "Riaz Khokhar", "2002"): "Foreign Secretary",
    # Jersey's minister for external relations, filed under the United Kingdom.
    ("GBR", "FM", "Philip Ozouf", "2022-07-12"): "a minister of Jersey",
    # Factbook rows that name no single holder of the office.
    ("AUT", "HOS", "Acting Presidents Doris Bures , Karlheinz Kopf , Norbert Hofer", "2016-07-08"): "three acting presidents",
    ("THA", "HOS", "Prem Tinsulanonda serves as Regent", "2016-10-13"): "a regent",
    ("AFG", "HOG", "Ceo Abdullah Abdullah, Dr.", "2014-09-29"): "Chief Executive, not head of government",
    ("LBY", "HOS", "Speaker of the House of Representatives Aqilah Salah Issa", "2014-08-05"): "Speaker, not head of state",
    ("VAT", "HOG", "of the Governorate of the Vatican City State is Fernando Vergez Alzaga", "2021-10-01"): "governor of the city state",
    ("GAB", "HOG", "Raymond Ndong Sima", "2023-09-08"): "a duplicate with its dates reversed",
    ("IRQ", "HOG", "Prime Minister-Designate Mohammed Shia al-SUDANI", "2022-10-13"): "designate, not yet in office",
}

# Dates the public record corrects: (state, role, name as in the input, start) -> fields.
CORRECTIONS = {
    ("ITA", "FM", "Silvio Berlusconi", "2002-11-14"): {"start": "2002-01-06", "end": "2002-11-14"},
    ("KOR", "HOG", "Lee Nak-yon", "2017-06-01"): {"start": "2017-05-31", "end": "2020-01-14"},
    ("LKA", "HOG", "Harini Amarasuriya", "2024-09-24"): {"end": ""},
    ("LBY", "HOG", "Abdulhamid Dbeibeh", "2021-03-15"): {"end": ""},
    ("LBY", "HOS", "Mohamed al-Menfi", "2021-03-15"): {"end": ""},
    ("IRN", "HOS", "Ebrahim Raisi", "2021-08-03"): {"end": "2024-05-19"},
    ("IRN", "HOG", "President-elect Ebrahim Raisi", "2021-06-18"): {"start": "2021-08-03", "end": "2024-05-19"},
    ("SYR", "HOS", "Bashar al-Assad", "2000-07-17"): {"end": "2024-12-08"},
    ("", "UN_SG", "Ban Ki-moon", "2007-01-01"): {"end": "2016-12-31"},
}

# Rows the public record adds inside this script because they continue a series above.
KOREA_PM = [
    ("KOR", "HOG", "prime_minister", "Chung Sye-kyun", "", "2020-01-14", "2021-05-14"),
    ("KOR", "HOG", "prime_minister", "Kim Boo-kyum", "", "2021-05-14", "2022-05-12"),
    ("KOR", "HOG", "prime_minister", "Han Duck-soo", "", "2022-05-21", "2025-05"),
]

# Persons in office at the end of May 2025 by the public record whose rows the sources left
# open at an earlier check: (state, office, name as written out) get seen = 2025-05.
STILL_IN_OFFICE = {
    ("RUS", "president", "Vladimir Putin"), ("RUS", "prime_minister", "Mikhail Mishustin"),
    ("RUS", "foreign_minister", "Sergey Lavrov"), ("CHN", "president", "Xi Jinping"),
    ("TUR", "president", "Recep Tayyip Erdoğan"), ("FRA", "president", "Emmanuel Macron"),
    ("IND", "prime_minister", "Narendra Modi"), ("IND", "foreign_minister", "S. Jaishankar"),
    ("ITA", "president", "Sergio Mattarella"), ("ITA", "foreign_minister", "Antonio Tajani"),
    ("ESP", "monarch", "Felipe VI"), ("ESP", "prime_minister", "Pedro Sánchez"),
    ("ESP", "foreign_minister", "José Manuel Albares"), ("JPN", "monarch", "Naruhito"),
    ("AUS", "prime_minister", "Anthony Albanese"), ("AUS", "foreign_minister", "Penny Wong"),
    ("PRK", "supreme_leader", "Kim Jong-un"), ("PRK", "foreign_minister", "Choe Son-hui"),
    ("IRN", "supreme_leader", "Ali Khamenei"), ("ISR", "president", "Isaac Herzog"),
    ("SAU", "monarch", "Salman of Saudi Arabia"), ("SAU", "foreign_minister", "Faisal bin Farhan Al Saud"),
    ("ARE", "president", "Mohamed bin Zayed Al Nahyan"), ("ARE", "foreign_minister", "Abdullah bin Zayed Al Nahyan"),
    ("QAT", "monarch", "Tamim bin Hamad Al Thani"),
    ("QAT", "foreign_minister", "Mohammed bin Abdulrahman bin Jassim Al Thani"),
    ("EGY", "president", "Abdel Fattah el-Sisi"), ("EGY", "prime_minister", "Moustafa Madbouly"),
    ("JOR", "monarch", "Abdullah II of Jordan"), ("JOR", "foreign_minister", "Ayman Safadi"),
    ("UKR", "president", "Volodymyr Zelenskyy"), ("BLR", "president", "Alexander Lukashenko"),
    ("ZAF", "president", "Cyril Ramaphosa"), ("KAZ", "president", "Kassym-Jomart Tokayev"),
    ("AZE", "president", "Ilham Aliyev"), ("AZE", "foreign_minister", "Jeyhun Bayramov"),
    ("ARM", "prime_minister", "Nikol Pashinyan"), ("ARM", "foreign_minister", "Ararat Mirzoyan"),
    ("HUN", "prime_minister", "Viktor Orbán"), ("HUN", "foreign_minister", "Péter Szijjártó"),
    ("MAR", "monarch", "Mohammed VI of Morocco"), ("MAR", "foreign_minister", "Nasser Bourita"),
    ("SGP", "foreign_minister", "Vivian Balakrishnan"), ("IRQ", "foreign_minister", "Fuad Hussein"),
    ("AFG", "foreign_minister", "Amir Khan Muttaqi"),
    ("VNM", "foreign_minister", "Bùi Thanh Sơn"), ("OMN", "foreign_minister", "Badr Albusaidi"),
    ("SVN", "foreign_minister", "Tanja Fajon"), ("HRV", "foreign_minister", "Gordan Grlić-Radman"),
    ("MLI", "foreign_minister", "Abdoulaye Diop"), ("IDN", "president", "Prabowo Subianto"),
    ("United Nations", "secretary_general", "António Guterres"),
}

# Wikidata labels that carry a title or an unusual spelling, and well-known other spellings of
# names English news uses: name -> (name to use, aliases).
RENAME = {
    "Sayyid Badr bin Hamad bin Hamood AlBusaidi": ("Badr Albusaidi", ["Badr bin Hamad Al Busaidi", "Badr bin Hamad al-Busaidi"]),
    "Archbishop Paul Gallagher": ("Paul Gallagher", []),
}
ALIASES = {
    "Sergey Lavrov": ["Sergei Lavrov"],
    "Volodymyr Zelenskyy": ["Volodymyr Zelensky", "Volodymyr Zelenskiy"],
    "Joe Biden": ["Joseph Biden", "Joseph R. Biden Jr."],
    "Alexander Lukashenko": ["Aliaksandr Lukashenka", "Alyaksandr Lukashenka", "Alexander Lukashenka"],
    "Hillary Clinton": ["Hillary Rodham Clinton"],
    "Mike Pompeo": ["Michael Pompeo"],
    "Liz Truss": ["Elizabeth Truss"],
    "Dmitry Medvedev": ["Dmitri Medvedev"],
    "Abdel Fattah el-Sisi": ["Abdel Fattah al-Sisi", "Abdel-Fattah el-Sissi"],
    "Bashar al-Assad": ["Bashar Assad"],
    "Ebrahim Raisi": ["Ibrahim Raisi"],
    "Mohammed bin Salman": ["Mohammad bin Salman", "Muhammad bin Salman"],
    "Mohamed bin Zayed Al Nahyan": ["Mohamed bin Zayed", "Mohammed bin Zayed"],
    "Hossein Amir-Abdollahian": ["Hossein Amirabdollahian"],
    "Kim Jong-un": ["Kim Jong Un"],
    "Moustafa Madbouly": ["Mostafa Madbouly"],
    "Luiz Inácio Lula da Silva": ["Lula", "Lula da Silva"],
    "Ban Ki-moon": ["Ban"],
    "Mohammed VI of Morocco": ["Mohamed VI"],
    "Benigno Aquino III": ["Benigno Aquino", "Noynoy Aquino"],
}

# Factbook names repaired by hand: letters its archive dropped, the name English news uses for a
# long legal name, titles fused into the name. The Factbook's own form stays an alias.
FACTBOOK_NAMES = {
    "Luiz In cio Lula da Silva": "Luiz Inácio Lula da Silva",
    "Fran ois Bayrou": "François Bayrou",
    "S bastien Lecornu": "Sébastien Lecornu",
    "Bernardo Ar Valo de Le n": "Bernardo Arévalo",
    "Santiago Pe A Palacios": "Santiago Peña",
    "Mahamat Idriss D By": "Mahamat Idriss Déby",
    "Delcy Elo na Rodr Guez G mez": "Delcy Rodríguez",
    "Jos Ra l Mulino Quintero": "José Raúl Mulino",
    "Claudia Juana Rodr Guez de Guevara": "Claudia Rodríguez de Guevara",
    "Am rico d'Oliveira Dos Ramos": "Américo Ramos",
    "Il dio Vieira Te": "Ilídio Vieira Té",
    "Yamand Orsi Mart nez": "Yamandú Orsi",
    "Jos Enrique Jer Or": "José Jerí",
    "Alix Didier Fils-aim": "Alix Didier Fils-Aimé",
    "Javier Gerardo Milei": "Javier Milei",
    "Gustavo Francisco Petro Urrego": "Gustavo Petro",
    "Claudia Sheinbaum Pardo": "Claudia Sheinbaum",
    "Prabowo Subianto Djojohadikusumo": "Prabowo Subianto",
    "Bola Ahmed Adekunle Tinubu": "Bola Tinubu",
    "Daniel Noboa Azin": "Daniel Noboa",
    "Nayib Armando Bukele Ortez": "Nayib Bukele",
    "Iris Xiomara Castro de Zelaya": "Xiomara Castro",
    "Luis Rodolfo Abinader Corona": "Luis Abinader",
    "Dina Ercilia Boluarte Zegarra": "Dina Boluarte",
    "Jose Pedro Castillo Terrones": "Pedro Castillo",
    "Pedro Pablo Kuczynski Godard": "Pedro Pablo Kuczynski",
    "Ollanta Humala Tasso": "Ollanta Humala",
    "Alan Garcia Perez": "Alan García",
    "Alberto Kenyo Fujimori Fujimori": "Alberto Fujimori",
    "Luis Alberto Arce Catacora": "Luis Arce",
    "Juan Evo Morales Ayma": "Evo Morales",
    "Rodrigo Paz Pereira": "Rodrigo Paz",
    "Ivan Duque Marquez": "Iván Duque",
    "Juan Manuel Santos Calderon": "Juan Manuel Santos",
    "Alvaro Uribe Velez": "Álvaro Uribe",
    "Andres Pastrana": "Andrés Pastrana",
    "Sebastian Pinera Echenique": "Sebastián Piñera",
    "Michelle Bachelet Jeria": "Michelle Bachelet",
    "Ricardo Lagos Escobar": "Ricardo Lagos",
    "Danilo Medina Sanchez": "Danilo Medina",
    "Leonel Fernandez Reyna": "Leonel Fernández",
    "Rafael Hipolito Mejia Dominguez": "Hipólito Mejía",
    "Lenin Moreno Garces": "Lenín Moreno",
    "Guillermo Lasso Mendoza": "Guillermo Lasso",
    "Hugo Chavez Frias": "Hugo Chávez",
    "Nicolas Maduro Moros": "Nicolás Maduro",
    "Daniel Ortega Saavedra": "Daniel Ortega",
    "Enrique Bolanos Geyer": "Enrique Bolaños",
    "Arnoldo Aleman Lacayo": "Arnoldo Alemán",
    "Juan Orlando Hernandez Alvarado": "Juan Orlando Hernández",
    "Manuel Zelaya Rosales": "Manuel Zelaya",
    "Carlos Roberto Flores Facusse": "Carlos Roberto Flores",
    "Alfonso Antonio Portillo Cabreras": "Alfonso Portillo",
    "Oscar Jose Rafael Berger Perdomo": "Óscar Berger",
    "Alvaro Colom Caballeros": "Álvaro Colom",
    "Jimmy Ernesto Morales Cabrera": "Jimmy Morales",
    "Mireya Elisa Moscoso Rodriguez": "Mireya Moscoso",
    "Martin Torrijos Espino": "Martín Torrijos",
    "Ricardo Martinelli Berrocal": "Ricardo Martinelli",
    'Laurentino "Nito" Cortizo Cohen': "Laurentino Cortizo",
    "Mauricio Funes Cartagena": "Mauricio Funes",
    "Fernando Armindo Lugo Mendez": "Fernando Lugo",
    "Luis Federico Franco Gomez": "Federico Franco",
    "Miguel Angel Rodriguez": "Miguel Ángel Rodríguez",
    "Laura Chinchilla Miranda": "Laura Chinchilla",
    "Luis Guillermo Solis Rivera": "Luis Guillermo Solís",
    'Jose "Pepe" Mujica Cordano': "José Mujica",
    "Hugo Banzer Suarez": "Hugo Banzer",
    "Carlos Diego Mesa Gisbert": "Carlos Mesa",
    "Eduardo Rodriguez Veltze": "Eduardo Rodríguez Veltzé",
    "Yayi Boni": "Boni Yayi",
    "Thomas Yayi Boni": "Boni Yayi",
    "Denis Sassou-nguesso": "Denis Sassou Nguesso",
    "Denis SASSOU-Nguesso": "Denis Sassou Nguesso",
    "Jose Maria Pereira Neves": "José Maria Neves",
    "Mohammad Shahabuddin Chuppi": "Mohammed Shahabuddin",
    "Abd-al-Fattah al-BURHAN Abd-al-Rahman": "Abdel Fattah al-Burhan",
    "Mohammed Shia al-SUDANI": "Mohammed Shia al-Sudani",
    "Muhammad al-BASHIR": "Mohammed al-Bashir",
    "Ahmad al-NAWAF al-Sabah": "Nawaf Al-Ahmad Al-Jaber Al-Sabah",
    "Sheikh Mishal al-Ahmad al-Sabah": "Mishal Al-Ahmad Al-Jaber Al-Sabah",
    "Col. Muammar Abu Minyar al-QADHAFI": "Muammar Gaddafi",
    "Chairman, Presidential Council, Fayiz al-SARAJ": "Fayez al-Sarraj",
    "Guelleh Ismail Omar": "Ismaïl Omar Guelleh",
    "Hasan Fereidun Ruhani": "Hassan Rouhani",
    "Mahmud Ahmadi-nejad": "Mahmoud Ahmadinejad",
    "Mohammad KHATAMI-Ardakani": "Mohammad Khatami",
    "Benyamin Netanyahu": "Benjamin Netanyahu",
    "Shahbaz Sharif": "Shehbaz Sharif",
    "Donald J. Trump": "Donald Trump",
    "Muhammad Bin Salman bin Abd al-Aziz Al Saud": "Mohammed bin Salman",
    "Muhammad bin Abd al-Rahman Al Thani": "Mohammed bin Abdulrahman bin Jassim Al Thani",
    "Haji Hassanal Bolkiah Mu'izzaddin Waddaulah": "Hassanal Bolkiah",
    "Iskandar": "Ibrahim Iskandar",
    "Gen. Horta Nta Na Man": "Horta N'Tam",
    "Kay Rala Xanana Gusmao": "Xanana Gusmão",
    "Ratu Sir Kamisese Mara": "Kamisese Mara",
    "Ratu Josefa Iloilovatu Uluivuda": "Josefa Iloilo",
    "Ratu Naiqama Lalabalavu": "Naiqama Lalabalavu",
    "Raila Amolo Odinga": "Raila Odinga",
    "Kazymzhomart Tokayev": "Kassym-Jomart Tokayev",
    "Karim Masimov": "Karim Massimov",
    "Khadga Prasad Sharma Oli": "KP Sharma Oli",
    "Thaksin Chinnawat": "Thaksin Shinawatra",
    "Surayut Chulanon": "Surayud Chulanont",
    "Settha Thawisin": "Srettha Thavisin",
    "Chuan Likphai": "Chuan Leekpai",
    "Horst Koehler": "Horst Köhler",
    "Gerhard Schroeder": "Gerhard Schröder",
    "Simon Harris resigned on 18 December 2024 but remains in Caretaker status until a new prime minister is appointed": "Simon Harris",
    "Ibrahim Mehlab": "Ibrahim Mahlab",
    "Abdallah Hamdouk": "Abdalla Hamdok",
    "Samuel Nujoma": "Sam Nujoma",
    "Navinchandra Ramgoolam": "Navin Ramgoolam",
    "Tantely Rene Gabriot Andrianarivo": "Tantely Andrianarivo",
    "Mohamed Waheed Hassan Maniku": "Mohamed Waheed Hassan",
    "Abdulla Yameen Abdul Gayoom": "Abdulla Yameen",
    "Seretse Khama Ian Khama": "Ian Khama",
    "Mokgweetse Eric Masisi": "Mokgweetsi Masisi",
    "Laurent Desire Kabila": "Laurent-Désiré Kabila",
    "Gen. Robert Guei": "Robert Guéï",
    "Robert Beujre Mambe": "Robert Beugré Mambé",
    "Robert Breugre Mambe": "Robert Beugré Mambé",
    "Jean-Michel Sama Lukonde Kyenge": "Jean-Michel Sama Lukonde",
    "Judith Suminwa Tuluka": "Judith Suminwa",
    "Niasse Moustapha": "Moustapha Niasse",
    "Kamla Susheila Persad-bissessar": "Kamla Persad-Bissessar",
    "Feleti Penitala Teo": "Feleti Teo",
    "La'aulialemalietoa La'auli Leuatea Schmidt": "La'auli Leuatea Schmidt",
    "Jeffrey Davidson Bostic": "Jeffrey Bostic",
    "Michel Miguel Elias Temer Lulia": "Michel Temer",
    "Ernesto Zedillo Ponce de Leon": "Ernesto Zedillo",
    "Felipe de Jesus Calderon Hinojosa": "Felipe Calderón",
    "Gonzalo Sanchez De Lozada Bustamante": "Gonzalo Sánchez de Lozada",
    "Yoweri Kaguta Museveni": "Yoweri Museveni",
    "Prayut Chan-Ocha": "Prayut Chan-o-cha",
    "Vajiralongkorn Bodindradebayavarangkun": "Vajiralongkorn",
}

# "Prime Minister, Lt. Gen Thein Sein", "of the Swiss Confederation Ueli Maurer": the office
# written before the name in the Factbook archive.
FACTBOOK_PREFIX = re.compile(
    r"^(?:of the Islamic Republic of Afghanistan,? |of the Swiss Confederation |"
    r"of the Council of Ministers |of Council of Ministers |Chairperson of the Presidency |"
    r"of the Presidency |of State for Foreign and Political Affairs |of State |"
    r"of the State Peace and Development Council |Prime Minister, (?:State Administration Council Chair, |Sac Chair, )?|"
    r"President-elect |spelled |Sheikh |Sir |Dr\. |Father |Cardinal |Archbishop |"
    r"(?:Sr\. |Lt\. )?Gen\.? |Col\. )+"
)
FACTBOOK_SUFFIX = re.compile(r", Dr\.$")
PARTICLES = {"al", "el", "ul", "ud", "ur", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "dos", "das", "do", "e", "y", "i", "wa", "ag", "ould", "mint", "ben"}


def fold(name):
    """Lower case, no diacritics, hyphens and dots as spaces: for comparing names."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = plain.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    plain = re.sub(r"[-.,’'ʻ`\"]", " ", plain.lower())
    return " ".join(plain.split())


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def fix_case(name):
    """Factbook surnames in upper case, and parts after a hyphen in lower case."""
    def word(w):
        parts = w.split("-")
        out = []
        for n, p in enumerate(parts):
            letters = [c for c in p if c.isalpha()]
            if re.fullmatch(r"[IVXL]+", p):
                pass  # a regnal number
            elif len(letters) > 1 and all(c.isupper() for c in letters):
                p = p[0] + p[1:].lower()
            elif n > 0 and p and p.islower() and p not in PARTICLES and len(p) > 2:
                p = p[0].upper() + p[1:]
            out.append(p)
        return "-".join(out)
    return " ".join(word(w) for w in name.split())


# Factbook names whose archive dropped letters: not kept as aliases.
BROKEN = {
    "Luiz In cio Lula da Silva", "Fran ois Bayrou", "S bastien Lecornu", "Bernardo Ar Valo de Le n",
    "Santiago Pe A Palacios", "Mahamat Idriss D By", "Delcy Elo na Rodr Guez G mez",
    "Jos Ra l Mulino Quintero", "Claudia Juana Rodr Guez de Guevara", "Am rico d'Oliveira Dos Ramos",
    "Il dio Vieira Te", "Yamand Orsi Mart nez", "Jos Enrique Jer Or", "Alix Didier Fils-aim",
    "Simon Harris resigned on 18 December 2024 but remains in Caretaker status until a new prime minister is appointed",
}


def strip_office(name):
    return fix_case(FACTBOOK_SUFFIX.sub("", FACTBOOK_PREFIX.sub("", name)))


def clean_factbook(name):
    """The name to use and the Factbook's own form worth keeping as an alias (or "")."""
    if name in FACTBOOK_NAMES:
        kept = "" if name in BROKEN else strip_office(name)
        return FACTBOOK_NAMES[name], kept
    original = name
    also = re.match(r"^(.*), also spelled (.*)$", name)
    if also:
        name = also.group(2)
    name = strip_office(name)
    name = FACTBOOK_NAMES.get(name, name)
    if also:
        return name, also.group(1)
    # Only the office or the case changed: nothing to keep.
    return name, ""


def office_of(role, position, name):
    """The office a row's position names, in the vocabulary of titles.csv."""
    if role in OFFICE_OF_ROLE:
        return OFFICE_OF_ROLE[role]
    p = position.lower()
    if re.search(r"supreme leader|taliban leader|revolutionary leader", p):
        return "supreme_leader"
    if "captain regent" in p:
        return "captain_regent"
    if "governor-general" in p:
        return "governor_general"
    if re.search(r"\b(king|queen|monarch|emir|amir|sultan|grand duke|prince|emperor|pope|druk gyalpo|yang di|o le ao)\b", p):
        return "monarch"
    if re.search(r"prime minister|premier|chancellor|taoiseach|head of government|council of ministers|chief minister|cabinet of ministers|minister of state|secretary of state", p):
        return "prime_minister"
    if "president" in p or "beretitenti" in p:
        return "president"
    if re.search(r"chairman|chairperson", p):
        return "chair"
    # Factbook rows with no position: the office is in the name or known.
    n = name.lower()
    if "prime minister" in n:
        return "prime_minister"
    if "chairperson" in n or "chairman" in n:
        return "chair"
    return {"HOS": "president", "HOG": "prime_minister", "HOS+HOG": "president"}[role]


EMPTY_POSITION_OFFICE = {
    # Factbook rows without a position, by cleaned name.
    "François Bayrou": "prime_minister",
    "Sébastien Lecornu": "prime_minister",
    "Paetongtarn Shinawatra": "prime_minister",
    "Ebrahim Raisi": "president",
    "Nawaf Al-Ahmad Al-Jaber Al-Sabah": "monarch",
    "Laurent-Désiré Kabila": "president",
    "Joseph Kabila": "president",
    "Robert Guéï": "president",
    "Girija Prasad Koirala": "prime_minister",
    "Min Aung Hlaing": "chair",
    "Soe Win": "prime_minister",
    "Thein Sein": "prime_minister",
    "Than Shwe": "chair",
    "Fayez al-Sarraj": "chair",
    "Zeljka Cvijanovic": "chair",
    "Zeljko Komsic": "chair",
}


def seen_of(row):
    note = row["note"]
    m = re.search(r"still in office per cia-factbook edition (\d{4})", note)
    if m:
        return m.group(1)
    m = re.search(r"open as of snapshot (\d{4}-\d{2}-\d{2})", note)
    if m:
        return m.group(1)
    m = re.search(r"current on (\d{4}-\d{2}-\d{2})", note)
    if m:
        return m.group(1)
    m = re.search(r"seen in factbook editions \d{4}-(\d{4})", note)
    if m:
        return m.group(1)
    return ""


def main(path):
    source_rows = list(csv.DictReader(open(path, encoding="utf-8")))
    out = []
    for row in source_rows:
        state = row["iso3"]
        role = row["office"]
        person = row["person"].strip()
        key = (state, role, person, row["start"])
        if not person or key in REMOVE or JUNIOR.search(row["position"]):
            continue
        # The French co-prince of Andorra is the President of France, who is known as that.
        if row["position"] == "French Co-Prince":
            continue
        if not state:
            if row["country"] not in ORGANISATIONS:
                continue  # sub-national or unrecognised
            state = ORG_OF_OFFICE.get(role) or ORGANISATIONS[row["country"]]
            if state == "European Union":
                continue  # the High Representative's series is in public_record.csv
            role_out = "HEAD"
        else:
            role_out = role
        source = row["source"]
        notes = []
        start, end = row["start"], row["end"]
        fix = CORRECTIONS.get(key)
        if fix:
            start = fix.get("start", start)
            end = fix.get("end", end)
            notes.append("dates: public record")
        aliases = []
        if source == "cia-factbook":
            name, factbook_form = clean_factbook(person)
            if factbook_form and fold(factbook_form) != fold(name):
                aliases.append(factbook_form)
            if name != person and person in FACTBOOK_NAMES:
                notes.append("name: public record")
        else:
            name = person
            m = re.search(r"enwiki=([^;]+)", row["note"])
            if m:
                english = re.sub(r" \([^)]*\)$", "", m.group(1)).strip()
                if english and english != name:
                    aliases.append(name)
                    name = english
        if name in RENAME:
            new, more = RENAME[name]
            aliases.append(name)
            aliases.extend(more)
            name = new
        # A day-precision end on or before the start: the source recorded the start twice.
        if end and len(end) == 10 and len(start) == 10 and end <= start and not fix:
            end = ""
            notes.append("end dropped: not after start")
        position = row["position"]
        office = office_of(role, position, row["person"])
        if source == "cia-factbook" and not position.strip() and name in EMPTY_POSITION_OFFICE:
            office = EMPTY_POSITION_OFFICE[name]
        seen = seen_of(row) if not end else ""
        out.append({
            "state": state, "role": role_out, "office": office, "name": name,
            "aliases": aliases, "wikidata": row["person_qid"], "start": start, "end": end,
            "seen": seen, "source": source, "notes": notes,
        })

    # A Factbook row under the Wikidata name of the same person in the same state.
    wiki_names = {}
    for r in out:
        if not r["source"].startswith("cia-factbook"):
            wiki_names.setdefault(r["state"], {}).setdefault(r["name"], r["wikidata"])
    for r in out:
        if r["source"] != "cia-factbook" or r["state"] not in wiki_names:
            continue
        mine = fold(r["name"]).split()
        best = None
        for other, qid in wiki_names[r["state"]].items():
            theirs = fold(other).split()
            same = mine == theirs
            subset = (
                len(theirs) >= 2
                and theirs[-1] in mine
                and theirs[0] == mine[0]
                and all(w in mine for w in theirs)
            )
            near = len(mine) == len(theirs) and edit_distance(" ".join(mine), " ".join(theirs)) <= 2 and mine[-1][:3] == theirs[-1][:3]
            if same or subset or near:
                best = (other, qid)
                if same:
                    break
        if best and best[0] != r["name"]:
            if fold(r["name"]) != fold(best[0]) and r["name"] not in r["aliases"]:
                r["aliases"].append(r["name"])
            r["name"] = best[0]
            r["wikidata"] = r["wikidata"] or best[1]
        elif best:
            r["wikidata"] = r["wikidata"] or best[1]

    # Korean prime ministers the Factbook rows skip.
    for state, role, office, name, aliases, start, end in KOREA_PM:
        out.append({"state": state, "role": role, "office": office, "name": name,
                    "aliases": [a for a in aliases.split(";") if a], "wikidata": "",
                    "start": start, "end": end, "seen": "",
                    "source": "public record: Prime Ministers of South Korea", "notes": []})

    for row in csv.DictReader(open(HERE / "public_record.csv", encoding="utf-8")):
        out.append({"state": row["state"], "role": row["role"], "office": row["office"],
                    "name": row["name"], "aliases": [a for a in row["aliases"].split(";") if a],
                    "wikidata": row["wikidata"], "start": row["start"], "end": row["end"],
                    "seen": row["seen"], "source": row["source"], "notes": []})

    # Only the states and organisations of the dictionaries (not Puerto Rico, the Faroe
    # Islands, Somaliland, Abkhazia, South Ossetia, Transnistria).
    known = {row["iso3"] for row in csv.DictReader(open(HERE.parent / "states.csv", encoding="utf-8"))}
    known |= {row["name"] for row in csv.DictReader(open(HERE.parent / "organisations.csv", encoding="utf-8"))}
    out = [r for r in out if r["state"] in known]

    # Still in office at the last check of the public record.
    found = {(r["state"], r["office"], r["name"]) for r in out if not r["end"]}
    for missing in sorted(STILL_IN_OFFICE - found):
        print("no open row for", missing, file=sys.stderr)
    for r in out:
        if not r["end"] and (r["state"], r["office"], r["name"]) in STILL_IN_OFFICE:
            if r["seen"] < "2025-05":
                r["seen"] = "2025-05"
                r["notes"].append("seen in office 2025-05: public record")

    # One row per person, office and tenure: Factbook rows that repeat a Wikidata row go.
    # The Factbook gives a president who heads both state and government twice (HOS, HOG):
    # one row with role HOS+HOG.
    kept = {}
    unique = []
    for r in sorted(out, key=lambda r: (r["source"].startswith("cia-factbook"), r["state"], r["office"], r["name"], r["start"])):
        k = (r["state"], r["office"], fold(r["name"]), r["start"], r["end"])
        if k in kept:
            first = kept[k]
            if {first["role"], r["role"]} == {"HOS", "HOG"}:
                first["role"] = "HOS+HOG"
            continue
        kept[k] = r
        unique.append(r)
    unique.sort(key=lambda r: (r["state"], r["office"], r["start"], r["name"]))

    # Aliases: each once, not the name itself.
    for r in unique:
        r["aliases"] = r["aliases"] + ALIASES.get(r["name"], [])
        names = []
        for a in r["aliases"]:
            a = a.strip()
            if a and fold(a) != fold(r["name"]) and a not in names:
                names.append(a)
        r["aliases"] = names

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["state", "role", "office", "name", "aliases", "wikidata", "start", "end", "seen", "source"])
    for r in unique:
        source = r["source"]
        if r["notes"]:
            source += "; " + "; ".join(r["notes"])
        writer.writerow([r["state"], r["role"], r["office"], r["name"], ";".join(r["aliases"]),
                         r["wikidata"], r["start"], r["end"], r["seen"], source])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/officeholders.csv")
